/* anshin-notice-row.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One issuer notice in the Notices sidebar: an accent dot and a bold
 * subject while it is unread, the issuer's own subject (what the holder
 * has in their mail), the app's verdict as a badge (Expected, Needs your
 * attention, Unexpected: from the explainer) and how and when the issuer
 * sent it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-notice-row.h"

struct _AnshinNoticeRow
{
  GtkListBoxRow  parent_instance;

  AnshinNotice  *notice;
  AnshinAccount *account;

  /* template children */
  GtkLabel      *headline_label;
  GtkLabel      *meta_label;
  GtkLabel      *badge_label;
};

G_DEFINE_FINAL_TYPE (AnshinNoticeRow, anshin_notice_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_NOTICE,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The verdict in the badge, in the holder's words: "Unexpected" reads
 * 「心当たりのない通知」 in Japanese, not the explainer's shorter 「予定外」. */
static const char *
badge_text (AnshinExpectation expectation)
{
  switch (expectation)
    {
    case ANSHIN_EXPECTATION_EXPECTED:
      /* TRANSLATORS: a badge on a notice in the list: it is what the holder
       * was told would happen */
      return C_("notice verdict", "Expected");
    case ANSHIN_EXPECTATION_NEEDS_ATTENTION:
      /* TRANSLATORS: a badge on a notice in the list */
      return C_("notice verdict", "Needs your attention");
    case ANSHIN_EXPECTATION_UNEXPECTED:
    default:
      /* TRANSLATORS: a badge on a notice in the list: nothing the holder
       * was told explains it */
      return C_("notice verdict", "Unexpected");
    }
}

static const char *
badge_class (AnshinExpectation expectation)
{
  switch (expectation)
    {
    case ANSHIN_EXPECTATION_EXPECTED:
      return "success";
    case ANSHIN_EXPECTATION_NEEDS_ATTENTION:
      return "warning";
    case ANSHIN_EXPECTATION_UNEXPECTED:
    default:
      return "error";
    }
}

/* "Email · 2 days ago" */
static char *
meta_text (AnshinNoticeRow *self)
{
  GDateTime *issued_at = anshin_notice_get_issued_at (self->notice);
  const char *channel = anshin_notice_channel_get_label (anshin_notice_get_channel (self->notice));
  g_autofree char *when = NULL;

  if (issued_at == NULL)
    return g_strdup (channel);

  when = anshin_format_relative (issued_at, anshin_account_get_now (self->account));

  /* TRANSLATORS: two facts side by side, e.g. "Email · 2 days ago" */
  return g_strdup_printf (C_("facts", "%s · %s"), channel, when);
}

static void
update (AnshinNoticeRow *self)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autofree char *meta = meta_text (self);
  gboolean unread = !anshin_notice_get_read (self->notice);
  const char *headline = anshin_notice_get_title (self->notice);
  AnshinExpectation expectation = ANSHIN_EXPECTATION_EXPECTED;
  g_autofree char *description = NULL;
  AnshinCard *card = anshin_account_get_card_if_any (self->account);

  if (card != NULL)
    {
      explanation = anshin_explain_notice (self->notice, card,
                                           anshin_account_get_payment_methods (self->account),
                                           anshin_account_get_programs (self->account),
                                           anshin_account_get_now (self->account));
      expectation = anshin_explanation_get_expectation (explanation);
    }

  /* the issuer's own subject, as in the holder's mail */
  gtk_label_set_label (self->headline_label, headline != NULL ? headline : "");
  gtk_label_set_label (self->meta_label, meta);

  if (unread)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");

  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), explanation != NULL);
  if (explanation != NULL)
    {
      gtk_label_set_label (self->badge_label, badge_text (expectation));
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), badge_class (expectation));
    }

  /* what the dot and the bold text say, for screen readers (the badge is
   * read with the row's text) */
  if (unread && expectation != ANSHIN_EXPECTATION_EXPECTED)
    /* TRANSLATORS: read out for a notice; %s is e.g. "Unexpected" */
    description = g_strdup_printf (_("Unread, %s"), badge_text (expectation));
  else if (unread)
    description = g_strdup (_("Unread"));
  else if (expectation != ANSHIN_EXPECTATION_EXPECTED)
    description = g_strdup (badge_text (expectation));

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
anshin_notice_row_dispose (GObject *object)
{
  AnshinNoticeRow *self = ANSHIN_NOTICE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_NOTICE_ROW);
  g_clear_object (&self->notice);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (anshin_notice_row_parent_class)->dispose (object);
}

static void
anshin_notice_row_constructed (GObject *object)
{
  AnshinNoticeRow *self = ANSHIN_NOTICE_ROW (object);

  G_OBJECT_CLASS (anshin_notice_row_parent_class)->constructed (object);

  g_return_if_fail (self->notice != NULL && self->account != NULL);

  /* the notice (read or not), the card, methods, programmes or the time */
  g_signal_connect_object (self->account, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
anshin_notice_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnshinNoticeRow *self = ANSHIN_NOTICE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      g_value_set_object (value, self->notice);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_notice_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnshinNoticeRow *self = ANSHIN_NOTICE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      self->notice = g_value_dup_object (value);
      break;
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_notice_row_class_init (AnshinNoticeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anshin_notice_row_constructed;
  object_class->dispose = anshin_notice_row_dispose;
  object_class->get_property = anshin_notice_row_get_property;
  object_class->set_property = anshin_notice_row_set_property;

  properties[PROP_NOTICE] =
    g_param_spec_object ("notice", NULL, NULL, ANSHIN_TYPE_NOTICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* the card, methods, programmes and time the explanation counts from */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-notice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticeRow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticeRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticeRow, badge_label);
}

static void
anshin_notice_row_init (AnshinNoticeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* a screen reader announces the row by the issuer's subject */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->headline_label, NULL,
                                  -1);
}

/**
 * anshin_notice_row_new:
 * @notice: the notice to show
 * @account: the account it belongs to, against whose card, methods,
 *   programmes and issuer clock the notice is explained
 *
 * Returns: (transfer floating): a new #AnshinNoticeRow
 */
GtkWidget *
anshin_notice_row_new (AnshinNotice  *notice,
                       AnshinAccount *account)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE (notice), NULL);
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (account), NULL);

  return g_object_new (ANSHIN_TYPE_NOTICE_ROW, "notice", notice, "account", account, NULL);
}

AnshinNotice *
anshin_notice_row_get_notice (AnshinNoticeRow *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICE_ROW (self), NULL);

  return self->notice;
}

/**
 * anshin_notice_channel_get_label:
 * @channel: how the issuer sent a notice
 *
 * Returns: e.g. "Email"
 */
const char *
anshin_notice_channel_get_label (AnshinNoticeChannel channel)
{
  switch (channel)
    {
    case ANSHIN_NOTICE_CHANNEL_EMAIL:
      /* TRANSLATORS: how the issuer sent a notice */
      return C_("notice channel", "Email");
    case ANSHIN_NOTICE_CHANNEL_PUSH:
      return C_("notice channel", "Push notification");
    case ANSHIN_NOTICE_CHANNEL_APP:
      return C_("notice channel", "In the issuer’s app");
    default:
      g_return_val_if_reached (NULL);
    }
}
