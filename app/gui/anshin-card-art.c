/* anshin-card-art.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces AnshinCardFace draws a card with: text, the chip, the
 * Mastercard mark, rounded tags, the background, and the grey of a card
 * that can't be used. All in GSK nodes through a GtkSnapshot, in the
 * card's design pixels (the face scales them to its size).
 */

#include "config.h"

#include "anshin-card-art.h"

/* Whole pixels, for non-negative lengths (no libm needed). */
#define ROUND(x) ((float) (int) ((x) + 0.5f))

/* The size in pixels of @widget's own font. */
static float
widget_font_px (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = 0;

  if (font != NULL)
    {
      size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        {
          double dpi = pango_cairo_context_get_resolution (context);

          size *= (dpi > 0 ? dpi : 96.) / 72.;
        }
    }

  return size > 0 ? (float) size : 40.f / 3.f;
}

/**
 * anshin_card_text_init:
 * @text: the text to set up
 * @widget: the widget drawing
 * @string: what it says
 * @size: the font size in design pixels
 * @flags: how numbers are set
 *
 * Card text is bold. It is laid out in @widget's own font, which the rest
 * of the window has loaded already, and scaled to @size when drawn, so that
 * the face's five sizes load no fonts of their own for the first frame.
 * Clear it with anshin_card_text_clear().
 */
void
anshin_card_text_init (AnshinCardText     *text,
                       GtkWidget          *widget,
                       const char         *string,
                       float               size,
                       AnshinCardArtFlags  flags)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  text->layout = gtk_widget_create_pango_layout (widget, string);
  text->scale = size / widget_font_px (widget);

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (flags & ANSHIN_CARD_ART_NUMERIC)
    {
      /* tabular figures, a design pixel apart */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (PANGO_SCALE / text->scale)));
    }
  pango_layout_set_attributes (text->layout, attrs);
  pango_attr_list_unref (attrs);
}

void
anshin_card_text_clear (AnshinCardText *text)
{
  g_clear_object (&text->layout);
}

/* Ellipsizes @text at @width design pixels. */
void
anshin_card_text_set_max_width (AnshinCardText *text,
                                float           width)
{
  pango_layout_set_width (text->layout, (int) (width / text->scale * PANGO_SCALE));
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
}

/* The logical size of @text in design pixels. */
void
anshin_card_text_get_size (const AnshinCardText *text,
                           float                *width,
                           float                *height)
{
  PangoRectangle extents;

  pango_layout_get_pixel_extents (text->layout, NULL, &extents);
  *width = extents.width * text->scale;
  *height = extents.height * text->scale;
}

/* Draws @text with its top left corner at (@x, @y). */
void
anshin_card_text_append (GtkSnapshot          *snapshot,
                         const AnshinCardText *text,
                         float                 x,
                         float                 y,
                         const GdkRGBA        *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (snapshot, text->scale, text->scale);
  gtk_snapshot_append_layout (snapshot, text->layout, color);
  gtk_snapshot_restore (snapshot);
}

void
anshin_card_art_append_circle (GtkSnapshot   *snapshot,
                               float          cx,
                               float          cy,
                               float          radius,
                               const GdkRGBA *color)
{
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (cx - radius, cy - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

/* Mastercard's mark: a red and a yellow-orange circle, orange where they
 * overlap. @right and @bottom are the edges of the mark. */
void
anshin_card_art_append_mastercard_mark (GtkSnapshot *snapshot,
                                        float        right,
                                        float        bottom)
{
  static const GdkRGBA red = { 0.922f, 0.000f, 0.106f, 1.f };
  static const GdkRGBA yellow = { 0.969f, 0.620f, 0.106f, 1.f };
  static const GdkRGBA orange = { 1.000f, 0.373f, 0.000f, 1.f };
  const float radius = 19.f;
  const float distance = 24.f;
  float cy = bottom - radius;
  float right_cx = right - radius;
  float left_cx = right_cx - distance;
  GskRoundedRect left_circle, right_circle;

  anshin_card_art_append_circle (snapshot, left_cx, cy, radius, &red);
  anshin_card_art_append_circle (snapshot, right_cx, cy, radius, &yellow);

  gsk_rounded_rect_init_from_rect (&left_circle,
                                   &GRAPHENE_RECT_INIT (left_cx - radius, cy - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gsk_rounded_rect_init_from_rect (&right_circle,
                                   &GRAPHENE_RECT_INIT (right_cx - radius, cy - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &left_circle);
  gtk_snapshot_push_rounded_clip (snapshot, &right_circle);
  gtk_snapshot_append_color (snapshot, &orange, &right_circle.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* The EMV chip, gold with its contact lines. */
void
anshin_card_art_append_chip (GtkSnapshot *snapshot,
                             float        x,
                             float        y)
{
  static const GdkRGBA line = { 0.55f, 0.42f, 0.16f, 0.55f };
  const float width = 42.f, height = 32.f;
  GskRoundedRect chip;
  GskColorStop stops[] = {
    { 0.f, { 0.96f, 0.86f, 0.55f, 1.f } },
    { 1.f, { 0.80f, 0.64f, 0.30f, 1.f } },
  };

  gsk_rounded_rect_init_from_rect (&chip, &GRAPHENE_RECT_INIT (x, y, width, height), 6.f);
  gtk_snapshot_push_rounded_clip (snapshot, &chip);
  gtk_snapshot_append_linear_gradient (snapshot, &chip.bounds,
                                       &GRAPHENE_POINT_INIT (x, y),
                                       &GRAPHENE_POINT_INIT (x + width, y + height),
                                       stops, G_N_ELEMENTS (stops));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, y + height / 3, width, 1));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, y + 2 * height / 3, width, 1));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x + width / 2, y, 1, height));
  gtk_snapshot_pop (snapshot);
}

/* The height of a tag whose text is @size design pixels. */
float
anshin_card_art_tag_height (float size)
{
  return ROUND (size * 1.9f);
}

/* A rounded tag with @text in it; @right is its right edge. Returns its
 * left edge. */
float
anshin_card_art_append_tag (GtkSnapshot   *snapshot,
                            GtkWidget     *widget,
                            const char    *text,
                            float          right,
                            float          top,
                            float          size,
                            const GdkRGBA *background,
                            const GdkRGBA *foreground)
{
  g_auto(AnshinCardText) label = { NULL, };
  float height = anshin_card_art_tag_height (size);
  float padding = ROUND (size * 0.8f);
  float label_width, label_height, width;
  GskRoundedRect pill;

  anshin_card_text_init (&label, widget, text, size, ANSHIN_CARD_ART_PLAIN);
  anshin_card_text_get_size (&label, &label_width, &label_height);
  width = ROUND (label_width) + 2 * padding;

  gsk_rounded_rect_init_from_rect (&pill,
                                   &GRAPHENE_RECT_INIT (right - width, top, width, height),
                                   height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, background, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  anshin_card_text_append (snapshot, &label, right - width + padding,
                           top + (height - label_height) / 2, foreground);

  return right - width;
}

/* The card's blue, with a wing (tsubasa) sweeping across it. */
void
anshin_card_art_append_background (GtkSnapshot          *snapshot,
                                   const GskRoundedRect *outline)
{
  static const GdkRGBA sheen = { 1.f, 1.f, 1.f, 0.07f };
  float x = outline->bounds.origin.x;
  float y = outline->bounds.origin.y;
  float width = outline->bounds.size.width;
  float height = outline->bounds.size.height;
  GskColorStop stops[] = {
    { 0.f, { 0.063f, 0.184f, 0.420f, 1.f } },
    { 1.f, { 0.114f, 0.459f, 0.651f, 1.f } },
  };

  gtk_snapshot_push_rounded_clip (snapshot, outline);
  gtk_snapshot_append_linear_gradient (snapshot, &outline->bounds,
                                       &outline->bounds.origin,
                                       &GRAPHENE_POINT_INIT (outline->bounds.origin.x + width,
                                                             outline->bounds.origin.y + height),
                                       stops, G_N_ELEMENTS (stops));
  /* two wide arcs */
  anshin_card_art_append_circle (snapshot, x + width * 0.95f, y - height * 0.35f, height * 0.95f, &sheen);
  anshin_card_art_append_circle (snapshot, x + width * 1.05f, y - height * 0.55f, height * 0.95f, &sheen);
  gtk_snapshot_pop (snapshot);
}

/* Grey, and half see-through: the card can't be used. Pop it with
 * gtk_snapshot_pop(). */
void
anshin_card_art_push_dimmed (GtkSnapshot *snapshot)
{
  graphene_matrix_t matrix;
  const float luminance[16] = {
    0.2126f, 0.2126f, 0.2126f, 0.f,
    0.7152f, 0.7152f, 0.7152f, 0.f,
    0.0722f, 0.0722f, 0.0722f, 0.f,
    0.f,     0.f,     0.f,     0.55f,
  };

  graphene_matrix_init_from_float (&matrix, luminance);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, graphene_vec4_zero ());
}
