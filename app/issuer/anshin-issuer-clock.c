/* anshin-issuer-clock.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Now" on the issuer's clock, for everything the issuer schedules: the
 * computer's clock moved by the client's clock offset (the Issuer-Time of
 * its answers). :now changes once a minute, on the minute, and whenever the
 * issuer's clock moves (a demo stepping through its scenario), as
 * gnome-calendar's GcalClock does for the local clock.
 */

#include "config.h"

#include "anshin-issuer-clock.h"

struct _AnshinIssuerClock
{
  GObject             parent_instance;

  AnshinIssuerClient *client;
  GDateTime          *now;
  guint               minute_source;
};

G_DEFINE_FINAL_TYPE (AnshinIssuerClock, anshin_issuer_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean on_minute_cb (gpointer user_data);

static void
update_now (AnshinIssuerClock *self)
{
  g_autoptr(GDateTime) now = anshin_issuer_client_dup_now (self->client);
  guint seconds_left = 60 - g_date_time_get_second (now);

  g_clear_handle_id (&self->minute_source, g_source_remove);
  self->minute_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (seconds_left, 1),
                                                    on_minute_cb, self, NULL);
  g_source_set_name_by_id (self->minute_source, "[anshin] issuer clock minute");

  if (self->now != NULL && g_date_time_equal (self->now, now))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_steal_pointer (&now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

static gboolean
on_minute_cb (gpointer user_data)
{
  AnshinIssuerClock *self = user_data;

  self->minute_source = 0;
  update_now (self);

  return G_SOURCE_REMOVE;
}

static void
anshin_issuer_clock_constructed (GObject *object)
{
  AnshinIssuerClock *self = ANSHIN_ISSUER_CLOCK (object);

  G_OBJECT_CLASS (anshin_issuer_clock_parent_class)->constructed (object);

  g_signal_connect_object (self->client, "notify::clock-offset",
                           G_CALLBACK (update_now), self, G_CONNECT_SWAPPED);
  update_now (self);
}

static void
anshin_issuer_clock_dispose (GObject *object)
{
  AnshinIssuerClock *self = ANSHIN_ISSUER_CLOCK (object);

  g_clear_handle_id (&self->minute_source, g_source_remove);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anshin_issuer_clock_parent_class)->dispose (object);
}

static void
anshin_issuer_clock_finalize (GObject *object)
{
  AnshinIssuerClock *self = ANSHIN_ISSUER_CLOCK (object);

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (anshin_issuer_clock_parent_class)->finalize (object);
}

static void
anshin_issuer_clock_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnshinIssuerClock *self = ANSHIN_ISSUER_CLOCK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_clock_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnshinIssuerClock *self = ANSHIN_ISSUER_CLOCK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_clock_class_init (AnshinIssuerClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anshin_issuer_clock_constructed;
  object_class->dispose = anshin_issuer_clock_dispose;
  object_class->finalize = anshin_issuer_clock_finalize;
  object_class->get_property = anshin_issuer_clock_get_property;
  object_class->set_property = anshin_issuer_clock_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANSHIN_TYPE_ISSUER_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_issuer_clock_init (AnshinIssuerClock *self)
{
}

/**
 * anshin_issuer_clock_new:
 * @client: the issuer client whose clock offset to follow
 *
 * Returns: (transfer full): a clock showing the issuer's time
 */
AnshinIssuerClock *
anshin_issuer_clock_new (AnshinIssuerClient *client)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  return g_object_new (ANSHIN_TYPE_ISSUER_CLOCK, "client", client, NULL);
}

/**
 * anshin_issuer_clock_get_now:
 *
 * Returns: (transfer none): the issuer's time, to the last minute or
 *   clock change
 */
GDateTime *
anshin_issuer_clock_get_now (AnshinIssuerClock *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLOCK (self), NULL);

  return self->now;
}
