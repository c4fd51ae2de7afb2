/* anshin-demo-controller-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-demo-controller.c (properties, scenario catalog) and
 * anshin-demo-controller-calls.c (the /admin requests).
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anshin-demo-controller.h"

G_BEGIN_DECLS

struct _AnshinDemoController
{
  GObject        parent_instance;

  char          *base_url;
  SoupSession   *session;
  GCancellable  *cancellable;
  guint          codes_source;
  gboolean       codes_busy;

  char          *scenario_name;
  char          *title;
  guint          current_step;
  guint          start_step;   /* where prepare takes the demo, once */
  guint          n_steps;
  char          *step_title;
  char          *narration;
  char          *one_time_code;

  GtkStringList *scenarios;
  GHashTable    *infos;        /* name -> ScenarioInfo */
  gboolean       catalog_loaded;
  GError        *catalog_error;
  GPtrArray     *catalog_waiters;
};

typedef struct {
  char *title;
  char *member_id;
  char *password;
} ScenarioInfo;

void     anshin_demo_controller_apply_scenario      (AnshinDemoController  *self,
                                                     JsonObject            *object);
void     anshin_demo_controller_set_one_time_code   (AnshinDemoController  *self,
                                                     const char            *code);
gboolean anshin_demo_controller_poll_codes          (gpointer               user_data);
gboolean anshin_demo_controller_finish_boolean      (AnshinDemoController  *self,
                                                     GAsyncResult          *result,
                                                     gpointer               source_tag,
                                                     GError               **error);

G_END_DECLS
