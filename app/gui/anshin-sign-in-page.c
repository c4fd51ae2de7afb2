/* anshin-sign-in-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sign-in to an issuer with a member ID and password, shown by the window
 * when there is no stored sign-in. The account keeps the sign-in in the
 * keyring; the password is handed to the issuer and cleared from the form
 * after success. Errors appear under the form, the input stays.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-error-text.h"
#include "anshin-format.h"
#include "anshin-sign-in-page.h"

struct _AnshinSignInPage
{
  AdwBin            parent_instance;

  AnshinAccount    *account;
  GCancellable     *cancellable;
  char             *hint;
  /* the template is built when the page is first shown: in demo mode, or
   * with a stored sign-in, it never is */
  gboolean          built;

  /* template children */
  AdwStatusPage    *status_page;
  AdwEntryRow      *member_row;
  AdwEntryRow      *password_row;
  GtkLabel         *error_label;
  GtkStack         *button_stack;
};

G_DEFINE_FINAL_TYPE (AnshinSignInPage, anshin_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (AnshinSignInPage *self)
{
  g_autofree char *text = NULL;
  AnshinIssuerInfo *issuer = NULL;
  const char *name = NULL;

  if (!self->built)
    return;

  /* the issuer by its name, in the UI's language: never its address (a
   * raw "http://127.0.0.1:8080" means nothing to a holder) */
  if (self->account != NULL)
    issuer = anshin_account_get_issuer_info (self->account);
  if (issuer != NULL)
    {
      if (anshin_format_is_japanese ())
        name = anshin_issuer_info_get_name_ja (issuer);
      if (name == NULL || *name == '\0')
        name = anshin_issuer_info_get_name (issuer);
    }

  if (name != NULL && *name != '\0')
    /* TRANSLATORS: %s is the card issuer's name, e.g. "Tsubasa Pay" */
    text = g_strdup_printf (_("Sign in with the member ID and password of your card at %s. Anshin Wallet keeps you signed in with your keyring."),
                            name);
  else
    text = g_strdup (_("Sign in with the member ID and password of your card. Anshin Wallet keeps you signed in with your keyring."));
  if (self->hint != NULL)
    {
      g_autofree char *with_hint = g_strconcat (text, "\n\n", self->hint, NULL);

      adw_status_page_set_description (self->status_page, with_hint);
      return;
    }

  adw_status_page_set_description (self->status_page, text);
}

static void
update_sensitivity (AnshinSignInPage *self)
{
  gboolean busy;
  const char *member;
  const char *password;

  if (!self->built)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", FALSE);
      return;
    }

  busy = g_strcmp0 (gtk_stack_get_visible_child_name (self->button_stack), "spinner") == 0;
  member = gtk_editable_get_text (GTK_EDITABLE (self->member_row));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit",
                                 !busy && self->account != NULL
                                 && *member != '\0' && *password != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->member_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
}

static void
set_busy (AnshinSignInPage *self,
          gboolean          busy)
{
  if (!self->built)
    return;

  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "button");
  update_sensitivity (self);
}

static void
on_entry_changed_cb (AnshinSignInPage *self)
{
  update_sensitivity (self);
}

static void
on_entry_activated_cb (AnshinSignInPage *self)
{
  /* does nothing while the action is disabled (empty fields, busy) */
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
on_sign_in_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AnshinSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_account_sign_in_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      text = anshin_error_text_describe (error, _("You are not signed in."));
      anshin_sign_in_page_show_error (self, text);
      return;
    }

  set_busy (self, FALSE);
  anshin_sign_in_page_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnshinSignInPage *self = ANSHIN_SIGN_IN_PAGE (widget);
  g_autofree char *member = NULL;

  if (self->account == NULL || !self->built)
    return;

  member = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->member_row))));
  anshin_sign_in_page_show_error (self, NULL);
  set_busy (self, TRUE);
  anshin_account_sign_in_async (self->account, member,
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                self->cancellable, on_sign_in_cb, g_object_ref (self));
}

static void
anshin_sign_in_page_dispose (GObject *object)
{
  AnshinSignInPage *self = ANSHIN_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  /* the status page is both the bin's child and a template child */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (anshin_sign_in_page_parent_class)->dispose (object);
}

static void
anshin_sign_in_page_finalize (GObject *object)
{
  AnshinSignInPage *self = ANSHIN_SIGN_IN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->hint);

  G_OBJECT_CLASS (anshin_sign_in_page_parent_class)->finalize (object);
}

static void
anshin_sign_in_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnshinSignInPage *self = ANSHIN_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_sign_in_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnshinSignInPage *self = ANSHIN_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_sign_in_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ensure_built (AnshinSignInPage *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its "Show Text" button has no name of its own in libadwaita 1.2 */
  anshin_a11y_name_buttons (GTK_WIDGET (self->password_row));
  update_description (self);
  update_sensitivity (self);
}

static void
anshin_sign_in_page_show (GtkWidget *widget)
{
  ensure_built (ANSHIN_SIGN_IN_PAGE (widget));

  GTK_WIDGET_CLASS (anshin_sign_in_page_parent_class)->show (widget);
}

static void
anshin_sign_in_page_map (GtkWidget *widget)
{
  ensure_built (ANSHIN_SIGN_IN_PAGE (widget));

  GTK_WIDGET_CLASS (anshin_sign_in_page_parent_class)->map (widget);
}

static void
anshin_sign_in_page_class_init (AnshinSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_sign_in_page_dispose;
  object_class->finalize = anshin_sign_in_page_finalize;
  object_class->get_property = anshin_sign_in_page_get_property;
  object_class->set_property = anshin_sign_in_page_set_property;

  widget_class->show = anshin_sign_in_page_show;
  widget_class->map = anshin_sign_in_page_map;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinSignInPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinSignInPage, member_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinSignInPage, button_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
}

static void
anshin_sign_in_page_init (AnshinSignInPage *self)
{
  self->cancellable = g_cancellable_new ();
  update_sensitivity (self);
}

GtkWidget *
anshin_sign_in_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_SIGN_IN_PAGE, NULL);
}

AnshinAccount *
anshin_sign_in_page_get_account (AnshinSignInPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_SIGN_IN_PAGE (self), NULL);
  return self->account;
}

/**
 * anshin_sign_in_page_set_account:
 * @account: (nullable): the account to sign in to
 */
void
anshin_sign_in_page_set_account (AnshinSignInPage *self,
                                 AnshinAccount    *account)
{
  g_return_if_fail (ANSHIN_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  /* the issuer's name arrives with its information (GET /v1/issuer) */
  if (account != NULL)
    g_signal_connect_swapped (account, "changed", G_CALLBACK (update_description), self);

  /* a sign-in in flight belongs to the previous account */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
  anshin_sign_in_page_show_error (self, NULL);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_sign_in_page_set_hint:
 * @hint: (nullable): a translated paragraph under the description, such
 *   as the demo member's ID and password
 */
void
anshin_sign_in_page_set_hint (AnshinSignInPage *self,
                              const char       *hint)
{
  g_return_if_fail (ANSHIN_IS_SIGN_IN_PAGE (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);
  update_description (self);
}

/**
 * anshin_sign_in_page_show_error:
 * @message: (nullable): a translated message, or %NULL to hide it
 */
void
anshin_sign_in_page_show_error (AnshinSignInPage *self,
                                const char       *message)
{
  g_return_if_fail (ANSHIN_IS_SIGN_IN_PAGE (self));

  /* a page not built yet shows no error; one to show builds it */
  if (message == NULL && !self->built)
    return;

  ensure_built (self);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
