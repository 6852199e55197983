/*
 * reconcile.h - the facts of one event, reconciled across its articles.
 *
 * Input: the event's articles as article JSON documents (the schema of
 * `warta article --json`, docs/json.md).  Output: one JSON object with the
 * event's type, date, participants, duration and place, each fact with the
 * articles and outlets that state it; agreements and contradictions judged
 * with units and periods; provenance (credited sources and text reuse);
 * a headline and a short extractive summary.
 *
 * Reconciliation is a pure function of its input: the same articles in any
 * order give the same output.
 */
#ifndef WT_RECONCILE_H
#define WT_RECONCILE_H

#include <jansson.h>
#include <stddef.h>

/* New reference to the event's facts object; NULL on allocation failure.
 * The articles are borrowed. */
json_t *wt_reconcile_event(json_t *const *articles, size_t n);

#endif
