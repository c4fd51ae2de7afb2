/* anshin-card-art.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  ANSHIN_CARD_ART_PLAIN   = 0,
  ANSHIN_CARD_ART_NUMERIC = 1 << 0,   /* tabular figures, a little spaced */
} AnshinCardArtFlags;

PangoLayout *anshin_card_art_layout_new             (GtkWidget            *widget,
                                                     const char           *text,
                                                     float                 size,
                                                     PangoWeight           weight,
                                                     AnshinCardArtFlags    flags);
void         anshin_card_art_append_layout          (GtkSnapshot          *snapshot,
                                                     PangoLayout          *layout,
                                                     float                 x,
                                                     float                 y,
                                                     const GdkRGBA        *color);
void         anshin_card_art_append_circle          (GtkSnapshot          *snapshot,
                                                     float                 cx,
                                                     float                 cy,
                                                     float                 radius,
                                                     const GdkRGBA        *color);
void         anshin_card_art_append_mastercard_mark (GtkSnapshot          *snapshot,
                                                     float                 right,
                                                     float                 bottom);
void         anshin_card_art_append_chip            (GtkSnapshot          *snapshot,
                                                     float                 x,
                                                     float                 y);
float        anshin_card_art_tag_height             (float                 size);
float        anshin_card_art_append_tag             (GtkSnapshot          *snapshot,
                                                     GtkWidget            *widget,
                                                     const char           *text,
                                                     float                 right,
                                                     float                 top,
                                                     float                 size,
                                                     const GdkRGBA        *background,
                                                     const GdkRGBA        *foreground);
void         anshin_card_art_append_background      (GtkSnapshot          *snapshot,
                                                     const GskRoundedRect *outline);
void         anshin_card_art_push_dimmed            (GtkSnapshot          *snapshot);

G_END_DECLS
