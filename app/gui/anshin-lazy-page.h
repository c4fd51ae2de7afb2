/* anshin-lazy-page.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_LAZY_PAGE (anshin_lazy_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AnshinLazyPage, anshin_lazy_page, ANSHIN, LAZY_PAGE, AdwBin)

struct _AnshinLazyPageClass
{
  AdwBinClass parent_class;

  /* instantiates the subclass's template (gtk_widget_init_template()) and
   * shows what the page was given so far; called once */
  void (*build) (AnshinLazyPage *self);
};

void     anshin_lazy_page_ensure_built (AnshinLazyPage *self);
gboolean anshin_lazy_page_get_built    (AnshinLazyPage *self);

G_END_DECLS
