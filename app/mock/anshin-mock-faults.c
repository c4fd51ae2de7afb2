/* anshin-mock-faults.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults set from /admin/faults: the next `count` requests whose path
 * starts with `path_prefix` misbehave as a broken network or proxy would.
 * The first matching fault still armed wins.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "anshin-mock-faults.h"

typedef struct
{
  char            *path_prefix;
  AnshinMockFault  fault;
  guint            count;
} Armed;

struct _AnshinMockFaults
{
  GObject    parent_instance;

  GPtrArray *armed;
};

G_DEFINE_FINAL_TYPE (AnshinMockFaults, anshin_mock_faults, G_TYPE_OBJECT)

static void
armed_free (gpointer data)
{
  Armed *armed = data;

  g_free (armed->path_prefix);
  g_free (armed);
}

static void
anshin_mock_faults_finalize (GObject *object)
{
  AnshinMockFaults *self = (AnshinMockFaults *)object;

  g_clear_pointer (&self->armed, g_ptr_array_unref);

  G_OBJECT_CLASS (anshin_mock_faults_parent_class)->finalize (object);
}

static void
anshin_mock_faults_class_init (AnshinMockFaultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_faults_finalize;
}

static void
anshin_mock_faults_init (AnshinMockFaults *self)
{
  self->armed = g_ptr_array_new_with_free_func (armed_free);
}

AnshinMockFaults *
anshin_mock_faults_new (void)
{
  return g_object_new (ANSHIN_TYPE_MOCK_FAULTS, NULL);
}

void
anshin_mock_faults_add (AnshinMockFaults    *self,
                        const char          *path_prefix,
                        AnshinMockFaultKind  kind,
                        guint                status,
                        guint                delay_ms,
                        guint                count)
{
  Armed *armed;

  g_return_if_fail (ANSHIN_IS_MOCK_FAULTS (self));
  g_return_if_fail (kind != ANSHIN_MOCK_FAULT_NONE);

  armed = g_new0 (Armed, 1);
  armed->path_prefix = g_strdup (path_prefix);
  armed->fault.kind = kind;
  armed->fault.status = status;
  armed->fault.delay_ms = delay_ms;
  armed->count = count;
  g_ptr_array_add (self->armed, armed);
}

void
anshin_mock_faults_clear (AnshinMockFaults *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_FAULTS (self));

  g_ptr_array_set_size (self->armed, 0);
}

/**
 * anshin_mock_faults_take:
 * @self: a #AnshinMockFaults
 * @path: a request path
 * @out_fault: (out): the fault to apply
 *
 * Returns: %TRUE if a fault matches @path; it is used up by this request
 */
gboolean
anshin_mock_faults_take (AnshinMockFaults *self,
                         const char       *path,
                         AnshinMockFault  *out_fault)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_FAULTS (self), FALSE);

  for (guint i = 0; i < self->armed->len; i++)
    {
      Armed *armed = g_ptr_array_index (self->armed, i);

      if (!g_str_has_prefix (path, armed->path_prefix))
        continue;

      *out_fault = armed->fault;
      if (--armed->count == 0)
        g_ptr_array_remove_index (self->armed, i);

      return TRUE;
    }

  return FALSE;
}

AnshinMockFaultKind
anshin_mock_fault_kind_from_api (const char *name)
{
  static const struct {
    const char          *name;
    AnshinMockFaultKind  kind;
  } kinds[] = {
    { "delay", ANSHIN_MOCK_FAULT_DELAY },
    { "status", ANSHIN_MOCK_FAULT_STATUS },
    { "drop", ANSHIN_MOCK_FAULT_DROP },
    { "malformed_json", ANSHIN_MOCK_FAULT_MALFORMED_JSON },
    { "truncate", ANSHIN_MOCK_FAULT_TRUNCATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (name, kinds[i].name) == 0)
        return kinds[i].kind;
    }

  return ANSHIN_MOCK_FAULT_NONE;
}

/**
 * anshin_mock_fault_error_page:
 * @status: an HTTP status
 *
 * Returns: (transfer full): an HTML error page such as a reverse proxy
 *   answers with when the service behind it fails
 */
char *
anshin_mock_fault_error_page (guint status)
{
  const char *phrase = status == 429 ? "Too Many Requests" : soup_status_get_phrase (status);

  return g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html><head><title>%u %s</title></head>\n"
                          "<body><center><h1>%u %s</h1></center>\n"
                          "<hr><center>nginx</center></body></html>\n",
                          status, phrase, status, phrase);
}
