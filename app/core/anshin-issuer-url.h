/* anshin-issuer-url.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANSHIN_ISSUER_URL_ERROR (anshin_issuer_url_error_quark ())

typedef enum {
  ANSHIN_ISSUER_URL_ERROR_EMPTY,
  ANSHIN_ISSUER_URL_ERROR_INVALID,
  ANSHIN_ISSUER_URL_ERROR_UNSUPPORTED_SCHEME,
  ANSHIN_ISSUER_URL_ERROR_NO_HOST,
  ANSHIN_ISSUER_URL_ERROR_HAS_CREDENTIALS,
  ANSHIN_ISSUER_URL_ERROR_INSECURE,
} AnshinIssuerUrlError;

GQuark   anshin_issuer_url_error_quark (void);
gboolean anshin_issuer_url_is_allowed  (const char  *url,
                                        GError     **error);

G_END_DECLS
