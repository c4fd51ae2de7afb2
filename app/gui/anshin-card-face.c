/* anshin-card-face.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card as the holder knows it, drawn: the product name, the chip, the
 * masked number (only ever the last 4 digits), the expiry, the brand mark
 * and whether the card is virtual or also a plastic one. A frozen or
 * closed card is drawn dimmed and grey, with its state across it.
 *
 * Everything is laid out on a 340 by 214 design (a credit card's 1.586
 * ratio) and scaled to the allocation. For screen readers the whole face
 * is one image whose label says what it shows ("Tsubasa Pay Mastercard
 * ending in 1234, expires 11/30, virtual and physical card").
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-art.h"
#include "anshin-card-brand.h"
#include "anshin-card-face.h"
#include "anshin-card-number.h"
#include "anshin-format.h"

#define ASPECT_RATIO   1.586f
#define DESIGN_WIDTH   340.f
#define DESIGN_HEIGHT  (DESIGN_WIDTH / ASPECT_RATIO)
#define MIN_WIDTH      240
#define CORNER_RADIUS  14.f
#define PADDING        20.f

/* Whole pixels, for non-negative lengths (no libm needed). */
#define ROUND(x) ((float) (int) ((x) + 0.5f))
#define CEIL(x)  ((int) (x) + ((float) (int) (x) < (x) ? 1 : 0))

struct _AnshinCardFace
{
  GtkWidget   parent_instance;

  AnshinCard *card;
  char       *description;
};

G_DEFINE_FINAL_TYPE (AnshinCardFace, anshin_card_face, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GdkRGBA white = { 1.f, 1.f, 1.f, 1.f };

static gboolean
card_is_dimmed (AnshinCard *card)
{
  AnshinCardState state = anshin_card_get_state (card);

  return state == ANSHIN_CARD_STATE_FROZEN || state == ANSHIN_CARD_STATE_CLOSED;
}

static char *
card_expiry (AnshinCard *card)
{
  guint month = anshin_card_get_exp_month (card);

  if (month < 1 || month > 12)
    return NULL;

  return anshin_format_expiry (month, anshin_card_get_exp_year (card));
}

static const char *
card_product_name (AnshinCard *card)
{
  const char *name = anshin_card_get_product_name (card);

  /* TRANSLATORS: on the drawn card when the issuer gives no product name */
  return name != NULL && *name != '\0' ? name : _("Prepaid card");
}

static char *
build_description (AnshinCard *card)
{
  /* TRANSLATORS: separates the parts of the card's description for screen
   * readers; Japanese uses "、" */
  const char *separator = C_("list separator", ", ");
  AnshinCardBrand brand;
  const char *last4;
  g_autofree char *name = NULL;
  g_autofree char *expiry = NULL;
  g_autoptr(GString) text = NULL;

  if (card == NULL)
    return g_strdup (_("No card"));

  brand = anshin_card_get_brand (card);
  if (brand != ANSHIN_CARD_BRAND_UNKNOWN)
    /* TRANSLATORS: the product and its brand, "Tsubasa Pay Mastercard" */
    name = g_strdup_printf (C_("card description", "%1$s %2$s"),
                            card_product_name (card), anshin_card_brand_get_label (brand));
  else
    name = g_strdup (card_product_name (card));

  last4 = anshin_card_get_number_last4 (card);
  if (last4 != NULL && *last4 != '\0')
    {
      text = g_string_new (NULL);
      /* TRANSLATORS: for screen readers; %1$s is the card's name ("Tsubasa
       * Pay Mastercard"), %2$s the last 4 digits of its number */
      g_string_printf (text, _("%1$s ending in %2$s"), name, last4);
    }
  else
    {
      text = g_string_new (name);
    }

  expiry = card_expiry (card);
  if (expiry != NULL)
    {
      g_string_append (text, separator);
      /* TRANSLATORS: for screen readers; %s is the expiry, "11/30" */
      g_string_append_printf (text, _("expires %s"), expiry);
    }

  g_string_append (text, separator);
  if (anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL)
    g_string_append (text, _("virtual and physical card"));
  else
    g_string_append (text, _("virtual card"));

  if (anshin_card_get_state (card) == ANSHIN_CARD_STATE_FROZEN)
    {
      g_string_append (text, separator);
      g_string_append (text, C_("card description", "frozen"));
    }
  else if (anshin_card_get_state (card) == ANSHIN_CARD_STATE_CLOSED)
    {
      g_string_append (text, separator);
      g_string_append (text, C_("card description", "closed"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_description (AnshinCardFace *self)
{
  g_autofree char *description = build_description (self->card);

  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
append_card (AnshinCardFace *self,
             GtkSnapshot    *snapshot)
{
  static const GdkRGBA tag_background = { 1.f, 1.f, 1.f, 0.2f };
  static const GdkRGBA soft_white = { 1.f, 1.f, 1.f, 0.75f };
  static const GdkRGBA state_background = { 1.f, 1.f, 1.f, 0.94f };
  static const GdkRGBA state_foreground = { 0.12f, 0.12f, 0.14f, 1.f };
  static const GdkRGBA shadow = { 0.f, 0.f, 0.f, 0.28f };
  GtkWidget *widget = GTK_WIDGET (self);
  AnshinCard *card = self->card;
  AnshinCardBrand brand = anshin_card_get_brand (card);
  AnshinCardState state = anshin_card_get_state (card);
  gboolean dimmed = card_is_dimmed (card);
  const char *last4 = anshin_card_get_number_last4 (card);
  g_autofree char *masked = anshin_card_number_mask (last4 != NULL ? last4 : "");
  g_autofree char *expiry = card_expiry (card);
  g_auto(AnshinCardText) name = { NULL, };
  g_auto(AnshinCardText) number = { NULL, };
  GskRoundedRect outline;
  float tags_left;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (0, 0, DESIGN_WIDTH, DESIGN_HEIGHT),
                                   CORNER_RADIUS);
  if (!dimmed)
    gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 0, 8);

  if (dimmed)
    anshin_card_art_push_dimmed (snapshot);

  anshin_card_art_append_background (snapshot, &outline);

  /* virtual, and physical when there is a plastic card too */
  tags_left = DESIGN_WIDTH - PADDING + 4;
  if (anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL)
    tags_left = anshin_card_art_append_tag (snapshot, widget, C_("card form", "Physical"),
                                            tags_left, 16.f, 10.5f,
                                            &tag_background, &white) - 6;
  tags_left = anshin_card_art_append_tag (snapshot, widget, C_("card form", "Virtual"),
                                          tags_left, 16.f, 10.5f, &tag_background, &white);

  anshin_card_text_init (&name, widget, card_product_name (card), 17.f, ANSHIN_CARD_ART_PLAIN);
  anshin_card_text_set_max_width (&name, tags_left - 12 - PADDING);
  anshin_card_text_append (snapshot, &name, PADDING, 15.f, &white);

  anshin_card_art_append_chip (snapshot, PADDING + 2, 62.f);

  anshin_card_text_init (&number, widget, masked, 22.f, ANSHIN_CARD_ART_NUMERIC);
  anshin_card_text_append (snapshot, &number, PADDING, 110.f, &white);

  if (expiry != NULL)
    {
      g_auto(AnshinCardText) caption = { NULL, };
      g_auto(AnshinCardText) value = { NULL, };

      /* TRANSLATORS: printed small above the expiry on the drawn card, as
       * "VALID THRU" is on real cards; Japanese: 有効期限 */
      anshin_card_text_init (&caption, widget, C_("card face", "Expires"), 9.f,
                             ANSHIN_CARD_ART_PLAIN);
      anshin_card_text_init (&value, widget, expiry, 15.f, ANSHIN_CARD_ART_NUMERIC);
      anshin_card_text_append (snapshot, &caption, PADDING, 152.f, &soft_white);
      anshin_card_text_append (snapshot, &value, PADDING, 165.f, &white);
    }

  if (brand == ANSHIN_CARD_BRAND_MASTERCARD)
    {
      anshin_card_art_append_mastercard_mark (snapshot, DESIGN_WIDTH - PADDING,
                                              DESIGN_HEIGHT - 18.f);
    }
  else if (brand != ANSHIN_CARD_BRAND_UNKNOWN)
    {
      g_auto(AnshinCardText) mark = { NULL, };
      float width, height;

      anshin_card_text_init (&mark, widget, anshin_card_brand_get_label (brand), 17.f,
                             ANSHIN_CARD_ART_PLAIN);
      anshin_card_text_get_size (&mark, &width, &height);
      anshin_card_text_append (snapshot, &mark, DESIGN_WIDTH - PADDING - width,
                               DESIGN_HEIGHT - 18.f - height, &white);
    }

  if (dimmed)
    {
      const char *label = state == ANSHIN_CARD_STATE_FROZEN ? C_("card state tag", "Frozen")
                                                            : C_("card state tag", "Closed");

      gtk_snapshot_pop (snapshot);

      /* the state beside the chip, not dimmed */
      anshin_card_art_append_tag (snapshot, widget, label, DESIGN_WIDTH - PADDING,
                                  62.f + (32.f - anshin_card_art_tag_height (15.f)) / 2, 15.f,
                                  &state_background, &state_foreground);
    }
}

static void
on_card_notify_cb (AnshinCardFace *self,
                   GParamSpec     *pspec,
                   AnshinCard     *card)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
anshin_card_face_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
anshin_card_face_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = (int) DESIGN_WIDTH;
    }
  else if (for_size >= 0)
    {
      /* the card never grows past its natural width, whatever it is given */
      int width = CLAMP (for_size, MIN_WIDTH, (int) DESIGN_WIDTH);

      *minimum = *natural = CEIL (width / ASPECT_RATIO);
    }
  else
    {
      *minimum = CEIL (MIN_WIDTH / ASPECT_RATIO);
      *natural = CEIL (DESIGN_HEIGHT);
    }
}

static void
anshin_card_face_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AnshinCardFace *self = ANSHIN_CARD_FACE (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float card_width = MIN (width, height * ASPECT_RATIO);
  float scale = card_width / DESIGN_WIDTH;

  if (card_width <= 0)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (ROUND ((width - card_width) / 2),
                                                ROUND ((height - card_width / ASPECT_RATIO) / 2)));
  gtk_snapshot_scale (snapshot, scale, scale);

  if (self->card != NULL)
    {
      append_card (self, snapshot);
    }
  else
    {
      GdkRGBA color;
      GskRoundedRect outline;

      /* an outline where the card will be */
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      color.alpha *= 0.3f;
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (0, 0, DESIGN_WIDTH, DESIGN_HEIGHT),
                                       CORNER_RADIUS);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { color, color, color, color });
    }

  gtk_snapshot_restore (snapshot);
}

static void
anshin_card_face_dispose (GObject *object)
{
  AnshinCardFace *self = ANSHIN_CARD_FACE (object);

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_func (self->card, on_card_notify_cb, self);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (anshin_card_face_parent_class)->dispose (object);
}

static void
anshin_card_face_finalize (GObject *object)
{
  AnshinCardFace *self = ANSHIN_CARD_FACE (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (anshin_card_face_parent_class)->finalize (object);
}

static void
anshin_card_face_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnshinCardFace *self = ANSHIN_CARD_FACE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_card_face_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnshinCardFace *self = ANSHIN_CARD_FACE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      anshin_card_face_set_card (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_card_face_class_init (AnshinCardFaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_card_face_dispose;
  object_class->finalize = anshin_card_face_finalize;
  object_class->get_property = anshin_card_face_get_property;
  object_class->set_property = anshin_card_face_set_property;

  widget_class->get_request_mode = anshin_card_face_get_request_mode;
  widget_class->measure = anshin_card_face_measure;
  widget_class->snapshot = anshin_card_face_snapshot;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL,
                         ANSHIN_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * AnshinCardFace:description:
   *
   * What the face shows, in words: its accessible label.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cardface");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
anshin_card_face_init (AnshinCardFace *self)
{
  update_description (self);
}

/**
 * anshin_card_face_new:
 *
 * Returns: (transfer floating): a new card face showing no card
 */
GtkWidget *
anshin_card_face_new (void)
{
  return g_object_new (ANSHIN_TYPE_CARD_FACE, NULL);
}

/**
 * anshin_card_face_get_card:
 * @self: a card face
 *
 * Returns: (transfer none) (nullable): the card drawn
 */
AnshinCard *
anshin_card_face_get_card (AnshinCardFace *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_FACE (self), NULL);

  return self->card;
}

/**
 * anshin_card_face_set_card:
 * @self: a card face
 * @card: (nullable): the card to draw
 *
 * Draws @card, and draws it again whenever one of its properties changes.
 */
void
anshin_card_face_set_card (AnshinCardFace *self,
                           AnshinCard     *card)
{
  g_return_if_fail (ANSHIN_IS_CARD_FACE (self));
  g_return_if_fail (card == NULL || ANSHIN_IS_CARD (card));

  if (self->card == card)
    return;

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_func (self->card, on_card_notify_cb, self);
  g_set_object (&self->card, card);
  if (card != NULL)
    g_signal_connect_object (card, "notify", G_CALLBACK (on_card_notify_cb), self,
                             G_CONNECT_SWAPPED);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

/**
 * anshin_card_face_get_description:
 * @self: a card face
 *
 * Returns: what the face shows, in words, as screen readers read it:
 *   "Tsubasa Pay Mastercard ending in 1234, expires 11/30, virtual and
 *   physical card"
 */
const char *
anshin_card_face_get_description (AnshinCardFace *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_FACE (self), NULL);

  return self->description;
}
