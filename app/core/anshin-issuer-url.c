/* anshin-issuer-url.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which issuer addresses the app may talk to: https:// anywhere, plain
 * http:// only on this computer (127.0.0.0/8, ::1, localhost). Shared by the
 * Preferences window and the issuer client, so both apply the same rule.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "anshin-issuer-url.h"

G_DEFINE_QUARK (anshin-issuer-url-error-quark, anshin_issuer_url_error)

/* GUri accepts any reg-name; an issuer's host must be an IP literal or a
 * DNS name (international names in their ASCII form or as typed). */
static gboolean
host_is_valid (const char *host)
{
  g_autofree char *ascii = NULL;
  gboolean label_empty = TRUE;

  if (g_hostname_is_ip_address (host))
    return TRUE;

  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL)
    return FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (label_empty)
            return FALSE;
          label_empty = TRUE;
        }
      else if (g_ascii_isalnum (*p) || *p == '-')
        {
          label_empty = FALSE;
        }
      else
        {
          return FALSE;
        }
    }

  return TRUE;
}

static void
set_not_an_address_error (GError **error)
{
  g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_INVALID,
                       _("This is not a web address. Enter the issuer’s address as "
                         "it was given to you, for example https://issuer.example."));
}

static gboolean
has_space_or_control (const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return TRUE;
    }

  return FALSE;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri gives IPv6 literals without their brackets. Only literal
   * addresses count: a name other than localhost could resolve anywhere. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * anshin_issuer_url_is_allowed:
 * @url: (nullable): the issuer's base address, as the user typed it
 * @error: return location for a #ANSHIN_ISSUER_URL_ERROR whose message
 *   says, in the user's language, what is wrong and how to fix it
 *
 * Checks @url against the app's transport policy: an absolute `https://`
 * address with a host and no user name or password in it, or an `http://`
 * address whose host is a loopback address or `localhost`. No name is
 * resolved; this does no I/O.
 *
 * Returns: %TRUE if the app may use @url as its issuer
 */
gboolean
anshin_issuer_url_is_allowed (const char  *url,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || url[0] == '\0')
    {
      g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_EMPTY,
                           _("Enter the issuer’s address, starting with https://."));
      return FALSE;
    }

  if (!has_space_or_control (url))
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, &parse_error);

  if (uri == NULL)
    {
      /* not the message: it may quote the address, password and all */
      if (parse_error != NULL)
        g_debug ("Issuer address is not a URI (GUriError %d)", parse_error->code);
      else
        g_debug ("Issuer address contains spaces or control characters");
      set_not_an_address_error (error);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR,
                           ANSHIN_ISSUER_URL_ERROR_UNSUPPORTED_SCHEME,
                           _("The issuer’s address must start with https://."));
      return FALSE;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    {
      g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_NO_HOST,
                           _("The address has no server name. Write it as https:// "
                             "followed by the issuer’s server, for example "
                             "https://issuer.example."));
      return FALSE;
    }

  if (!host_is_valid (host))
    {
      set_not_an_address_error (error);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR,
                           ANSHIN_ISSUER_URL_ERROR_HAS_CREDENTIALS,
                           _("Remove the user name and password from the address. "
                             "Anshin Wallet asks for your sign-in details separately "
                             "and keeps them in your keyring."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (host))
    {
      g_set_error_literal (error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_INSECURE,
                           _("Use https:// so that your card details travel encrypted. "
                             "Plain http:// is only allowed for an issuer running on "
                             "this computer (localhost)."));
      return FALSE;
    }

  return TRUE;
}
