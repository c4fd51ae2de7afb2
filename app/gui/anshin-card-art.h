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

/* Text on the card: a layout and its scale to design pixels */
typedef struct {
  PangoLayout *layout;
  float        scale;
} AnshinCardText;

void         anshin_card_text_init                  (AnshinCardText       *text,
                                                     GtkWidget            *widget,
                                                     const char           *string,
                                                     float                 size,
                                                     AnshinCardArtFlags    flags);
void         anshin_card_text_clear                 (AnshinCardText       *text);
void         anshin_card_text_set_max_width         (AnshinCardText       *text,
                                                     float                 width);
void         anshin_card_text_get_size              (const AnshinCardText *text,
                                                     float                *width,
                                                     float                *height);
void         anshin_card_text_append                (GtkSnapshot          *snapshot,
                                                     const AnshinCardText *text,
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnshinCardText, anshin_card_text_clear)

G_END_DECLS
