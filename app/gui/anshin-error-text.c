/* anshin-error-text.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issuer and demo errors as sentences for a toast or an inline message:
 * what failed, why in plain words, and what to do. The issuer's own detail
 * goes to the debug log only.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-account.h"
#include "anshin-demo-controller.h"
#include "anshin-error-text.h"
#include "anshin-issuer-error.h"

static const char *
reason_and_advice (const GError *error)
{
  if (error->domain == ANSHIN_ISSUER_ERROR)
    {
      switch ((AnshinIssuerError) error->code)
        {
        case ANSHIN_ISSUER_ERROR_NETWORK:
        case ANSHIN_ISSUER_ERROR_TIMEOUT:
          return _("Your card issuer can’t be reached. Check your internet connection, then try again.");
        case ANSHIN_ISSUER_ERROR_TLS_REQUIRED:
        case ANSHIN_ISSUER_ERROR_TLS_FAILED:
          return _("The connection to your card issuer isn’t secure. Check the issuer address in Preferences.");
        case ANSHIN_ISSUER_ERROR_SIGNED_OUT:
          return _("You were signed out. Sign in again, then try again.");
        case ANSHIN_ISSUER_ERROR_INVALID_CREDENTIALS:
          return _("The member ID or password is not right. Check both and try again.");
        case ANSHIN_ISSUER_ERROR_RATE_LIMITED:
          return _("There were too many attempts. Wait a few minutes, then try again.");
        case ANSHIN_ISSUER_ERROR_CONFLICT:
          return _("Your card changed in the meantime. Anshin Wallet shows its current status; check it, then try again if you still need to.");
        case ANSHIN_ISSUER_ERROR_NOT_FOUND:
          return _("Your card issuer no longer has it. Refresh to see the current status.");
        case ANSHIN_ISSUER_ERROR_SERVER:
        case ANSHIN_ISSUER_ERROR_PROTOCOL:
          return _("Your card issuer had a problem. Try again in a few minutes; if it keeps happening, contact the issuer’s customer center.");
        case ANSHIN_ISSUER_ERROR_VALIDATION:
        case ANSHIN_ISSUER_ERROR_DECLINED:
        case ANSHIN_ISSUER_ERROR_LOCKED:
        case ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED:
        case ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE:
        case ANSHIN_ISSUER_ERROR_FORM_EXPIRED:
        case ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED:
        case ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED:
        default:
          return _("Your card issuer refused the request. Check the details, then try again.");
        }
    }

  if (error->domain == ANSHIN_DEMO_ERROR)
    {
      switch ((AnshinDemoError) error->code)
        {
        case ANSHIN_DEMO_ERROR_LAST_STEP:
          return _("This is the scenario’s last step. Restart it or pick another scenario.");
        case ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO:
          return _("The demo issuer doesn’t have that scenario. Pick another one.");
        case ANSHIN_DEMO_ERROR_UNREACHABLE:
        case ANSHIN_DEMO_ERROR_FAILED:
        default:
          return _("The demo issuer didn’t answer. Restart Anshin Wallet to start it again.");
        }
    }

  /* what a sign-out left behind, already said in the holder's words */
  if (error->domain == ANSHIN_SIGN_OUT_ERROR)
    return error->message;

  return _("Something unexpected went wrong. Try again.");
}

/**
 * anshin_error_text_describe:
 * @error: what went wrong
 * @what_failed: (nullable): a translated sentence saying what did not
 *   happen, like "The card was not frozen."
 *
 * Returns: (transfer full): @what_failed followed by the reason and what
 *   to do, translated
 */
char *
anshin_error_text_describe (const GError *error,
                            const char   *what_failed)
{
  g_return_val_if_fail (error != NULL, NULL);

  g_debug ("%s", error->message);

  if (what_failed == NULL)
    return g_strdup (reason_and_advice (error));

  /* TRANSLATORS: "<what failed> <why, and what to do>", two sentences */
  return g_strdup_printf (C_("error sentence", "%s %s"), what_failed, reason_and_advice (error));
}
