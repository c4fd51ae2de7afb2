/* anshin-mock-clock.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's clock: it runs at real speed from wherever it was last set
 * and only moves forward, except when a scenario is (re)loaded. It answers
 * in whole seconds in the issuer's zone (+09:00), so that a test which sets
 * it to a boundary sees exactly that boundary.
 */

#include "config.h"

#include "anshin-mock-clock.h"
#include "anshin-mock-error.h"
#include "anshin-time.h"

struct _AnshinMockClock
{
  GObject    parent_instance;

  GTimeZone *zone;           /* +09:00 */
  GDateTime *base;           /* issuer time when last set */
  gint64     base_monotonic; /* g_get_monotonic_time () then */
  gboolean   paused;         /* tests stop it to see exact times */

  /* The last answer of anshin_mock_clock_dup_now(), base + now_elapsed
   * seconds: the server asks once a request or more, the answer changes
   * once a second. Dropped when the clock is set. */
  GDateTime *now;
  gint64     now_elapsed;
};

G_DEFINE_FINAL_TYPE (AnshinMockClock, anshin_mock_clock, G_TYPE_OBJECT)

static void
anshin_mock_clock_finalize (GObject *object)
{
  AnshinMockClock *self = (AnshinMockClock *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->base, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (anshin_mock_clock_parent_class)->finalize (object);
}

static void
anshin_mock_clock_class_init (AnshinMockClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_clock_finalize;
}

static void
anshin_mock_clock_init (AnshinMockClock *self)
{
  self->zone = anshin_issuer_time_zone ();
}

/**
 * anshin_mock_clock_new:
 * @start: the issuer time to start at
 *
 * Returns: (transfer full): a clock running from @start
 */
AnshinMockClock *
anshin_mock_clock_new (GDateTime *start)
{
  AnshinMockClock *self;

  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_CLOCK, NULL);
  anshin_mock_clock_reset (self, start);

  return self;
}

/**
 * anshin_mock_clock_dup_now:
 * @self: a #AnshinMockClock
 *
 * Returns: (transfer full): the issuer's time now, to the second, +09:00
 */
GDateTime *
anshin_mock_clock_dup_now (AnshinMockClock *self)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 elapsed;

  g_return_val_if_fail (ANSHIN_IS_MOCK_CLOCK (self), NULL);

  elapsed = self->paused ? 0 : (g_get_monotonic_time () - self->base_monotonic) / G_USEC_PER_SEC;

  /* GDateTime is immutable: the same second can be shared */
  if (self->now == NULL || elapsed != self->now_elapsed)
    {
      now = g_date_time_add_seconds (self->base, (double)elapsed);
      g_clear_pointer (&self->now, g_date_time_unref);
      self->now = g_date_time_to_timezone (now, self->zone);
      self->now_elapsed = elapsed;
    }

  return g_date_time_ref (self->now);
}

/**
 * anshin_mock_clock_get_unix:
 * @self: a #AnshinMockClock
 *
 * Returns: the issuer's time now as a unix time, without allocating
 */
gint64
anshin_mock_clock_get_unix (AnshinMockClock *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_CLOCK (self), 0);

  if (self->paused)
    return g_date_time_to_unix (self->base);

  return g_date_time_to_unix (self->base) +
         (g_get_monotonic_time () - self->base_monotonic) / G_USEC_PER_SEC;
}

/**
 * anshin_mock_clock_reset:
 * @self: a #AnshinMockClock
 * @time: the new issuer time, in either direction
 *
 * Used when a scenario or a saved state is loaded.
 */
void
anshin_mock_clock_reset (AnshinMockClock *self,
                         GDateTime       *time)
{
  g_return_if_fail (ANSHIN_IS_MOCK_CLOCK (self));
  g_return_if_fail (time != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->base, g_date_time_unref);
  /* whole seconds: drop any fraction */
  self->base = g_date_time_add (time, -(g_date_time_get_microsecond (time)));
  self->base_monotonic = g_get_monotonic_time ();
}

/**
 * anshin_mock_clock_set:
 * @self: a #AnshinMockClock
 * @time: the new issuer time
 * @error: return location for a #GError
 *
 * Moves the clock forward to @time (or leaves it where it is if @time is
 * now).
 *
 * Returns: %TRUE on success; %FALSE with %ANSHIN_MOCK_ERROR_CLOCK_BACKWARDS
 *   if @time is before the issuer's time now
 */
gboolean
anshin_mock_clock_set (AnshinMockClock  *self,
                       GDateTime        *time,
                       GError          **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_CLOCK (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  now = anshin_mock_clock_dup_now (self);
  if (g_date_time_to_unix (time) < g_date_time_to_unix (now))
    {
      g_set_error_literal (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_CLOCK_BACKWARDS,
                           "The issuer clock only moves forward");
      return FALSE;
    }

  anshin_mock_clock_reset (self, time);

  return TRUE;
}

/**
 * anshin_mock_clock_set_running:
 * @self: a #AnshinMockClock
 * @running: %FALSE to stop the clock where it is, %TRUE to let it run again
 *
 * A mock-only switch for tests and demos that must see exact times: a
 * stopped clock moves only when it is set.
 */
void
anshin_mock_clock_set_running (AnshinMockClock *self,
                               gboolean         running)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ANSHIN_IS_MOCK_CLOCK (self));

  if (self->paused == !running)
    return;

  now = anshin_mock_clock_dup_now (self);
  self->paused = !running;
  anshin_mock_clock_reset (self, now);
}

gboolean
anshin_mock_clock_get_running (AnshinMockClock *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_CLOCK (self), FALSE);

  return !self->paused;
}
