/* anshin-mock-faults.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  ANSHIN_MOCK_FAULT_NONE,
  ANSHIN_MOCK_FAULT_DELAY,
  ANSHIN_MOCK_FAULT_STATUS,
  ANSHIN_MOCK_FAULT_DROP,
  ANSHIN_MOCK_FAULT_MALFORMED_JSON,
  ANSHIN_MOCK_FAULT_TRUNCATE,
} AnshinMockFaultKind;

typedef struct
{
  AnshinMockFaultKind kind;
  guint               status;
  guint               delay_ms;
} AnshinMockFault;

#define ANSHIN_TYPE_MOCK_FAULTS (anshin_mock_faults_get_type ())

G_DECLARE_FINAL_TYPE (AnshinMockFaults, anshin_mock_faults, ANSHIN, MOCK_FAULTS, GObject)

AnshinMockFaults    *anshin_mock_faults_new            (void);
void                 anshin_mock_faults_add            (AnshinMockFaults *self,
                                                        const char       *path_prefix,
                                                        AnshinMockFaultKind kind,
                                                        guint             status,
                                                        guint             delay_ms,
                                                        guint             count);
void                 anshin_mock_faults_clear          (AnshinMockFaults *self);
gboolean             anshin_mock_faults_take           (AnshinMockFaults *self,
                                                        const char       *path,
                                                        AnshinMockFault  *out_fault);
AnshinMockFaultKind  anshin_mock_fault_kind_from_api   (const char       *name);
char                *anshin_mock_fault_error_page      (guint             status);

G_END_DECLS
