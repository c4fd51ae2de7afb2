/* pages-test-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the page tests (test-methods-page.c, test-notices-page.c, ...):
 * the seed story's models built with setters, the window actions a page
 * activates (counted), notifications counted, widget look-ups, and
 * rendering to PNG.
 */

#pragma once

#include <adwaita.h>

#include "anshin-account.h"
#include "anshin-card.h"
#include "anshin-payment-method.h"

G_BEGIN_DECLS

typedef struct {
  GSimpleActionGroup *group;
  GHashTable         *counts;       /* action name -> activations */
  char               *last_target;  /* string parameter of the last one */
} PagesTestActions;

void                 pages_test_init            (int                        *argc,
                                                 char                     ***argv);
GDateTime           *pages_test_jst             (int                         year,
                                                 int                         month,
                                                 int                         day,
                                                 int                         hour,
                                                 int                         minute);
AnshinCard          *pages_test_renewed_card    (void);
AnshinPaymentMethod *pages_test_add_method      (GListStore                 *store,
                                                 AnshinPaymentMethodKind     kind,
                                                 AnshinPaymentMethodState    state,
                                                 AnshinPaymentMethodReason   reason,
                                                 GDateTime                  *since,
                                                 GDateTime                  *eta);
void                 pages_test_renewal_day     (GListStore                 *methods);
AnshinPaymentMethod *pages_test_find_method     (GListStore                 *methods,
                                                 AnshinPaymentMethodKind     kind);
GListStore          *pages_test_programs        (void);

AnshinAccount       *pages_test_account_new     (AnshinCard                **card,
                                                 GListStore                **methods,
                                                 GListStore                **programs,
                                                 GListStore                **notices,
                                                 GDateTime                  *now);
void                 pages_test_account_set_now (AnshinAccount              *account,
                                                 GDateTime                  *now);

PagesTestActions    *pages_test_actions_new     (void);
guint                pages_test_actions_count   (PagesTestActions           *actions,
                                                 const char                 *name);
void                 pages_test_actions_free    (PagesTestActions           *actions);

void                 pages_test_count_notify_cb (GObject                    *object,
                                                 GParamSpec                 *pspec,
                                                 guint                      *count);

void                 pages_test_flush           (void);
gboolean             pages_test_is_shown        (GtkWidget                  *widget);
gpointer             pages_test_template_child  (GtkWidget                  *widget,
                                                 GType                       widget_type,
                                                 const char                 *name);
guint                pages_test_count_rows      (GtkListBox                 *list_box);
GtkWidget           *pages_test_find_type       (GtkWidget                  *root,
                                                 GType                       type);
GtkLabel            *pages_test_find_label      (GtkWidget                  *root,
                                                 const char                 *text);
void                 pages_test_assert_mnemonics_unique (GtkWidget          *root);
GtkWidget           *pages_test_find_actionable (GtkWidget                  *root,
                                                 const char                 *action_name,
                                                 const char                 *target);
GtkWidget           *pages_test_find_button     (GtkWidget                  *root,
                                                 const char                 *label);
void                 pages_test_save_png        (GtkWindow                  *window,
                                                 GtkWidget                  *widget,
                                                 const char                 *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PagesTestActions, pages_test_actions_free)

G_END_DECLS
