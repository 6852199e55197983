/*
 * cluster_why.c - wt_clu_why: the score of two live articles by
 * component, the date facts, the duplicate status and the verdict, as
 * JSON.  Vectors are computed against the current document frequencies,
 * exactly as the re-clustering of an arrival would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"

static void clu_why_day(wt_sb *out, const char *k, const clu_art *a) {
  char iso[11];
  wt_sb_printf(out, "\"%s\":{\"day\":", k);
  if (a->day == WT_NO_DAY) {
    wt_sb_adds(out, "null");
  } else {
    wt_day_iso(a->day, iso);
    wt_sb_printf(out, "\"%s\"", iso);
  }
  wt_sb_printf(out, ",\"conf\":%.2f", (double)a->conf);
  if (a->flags & CLU_A_WINDOW) {
    wt_day_iso(a->day_min, iso);
    wt_sb_printf(out, ",\"window\":[\"%s\",", iso);
    wt_day_iso(a->day_max, iso);
    wt_sb_printf(out, "\"%s\"]", iso);
  }
  wt_sb_addc(out, '}');
}

int wt_clu_why(const wt_clu *c, int64_t a, int64_t b, wt_sb *out) {
  uint32_t ia = clu_slot(c, a), ib = clu_slot(c, b);
  if (ia == CLU_NONE || ib == CLU_NONE) return -1;
  uint32_t *arts = malloc(2 * sizeof *arts);
  if (!arts) return -1;
  arts[0] = ia;
  arts[1] = ib;
  clu_nb nb;
  if (clu_nb_init(c, &nb, arts, 2)) return -1;
  uint32_t sa = nb.art[0] == ia ? 0 : 1;
  const clu_art *x = &c->arts[ia], *y = &c->arts[ib];
  clu_score s;
  clu_pair(c, x, &nb.vec[sa], y, &nb.vec[1 - sa], &s);
  clu_nb_free(&nb);
  int same = x->event == y->event;
  char verdict[160];
  if (s.dup && same)
    snprintf(verdict, sizeof verdict, "%s duplicate: same event, not independent",
             s.dup == 1 ? "exact" : "near");
  else if (s.cannot)
    snprintf(verdict, sizeof verdict,
             "cannot link: confident dates %d days apart (more than %d)", s.diff,
             CLU_DATE_SLACK);
  else if (!same && s.fig_conflict && s.total < CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict,
             "separate events: neither headline figure is stated by the "
             "other article (x%.2f)", CLU_FIG_CONFLICT);
  else if (!same && s.outside > 0 && s.total < CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict,
             "separate events: a confident date lies %d days outside the "
             "other's plausible window", s.outside);
  else if (same && s.total >= CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict, "same event: score above the threshold");
  else if (same)
    snprintf(verdict, sizeof verdict,
             "same event through its other articles (average link)");
  else if (s.total >= CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict,
             "separate events: the pair links, but not on average with the "
             "rest of the events, or a date conflict elsewhere");
  else
    snprintf(verdict, sizeof verdict, "separate events: score below the threshold");
  wt_sb_printf(out, "{\"a\":%lld,\"b\":%lld,\"event_a\":%lld,\"event_b\":%lld,"
               "\"same_event\":%s,\"scores\":{\"terms\":%.4f,\"entities\":%.4f,"
               "\"participants\":%.4f,\"type\":%.2f,\"figures\":%.4f,"
               "\"date_factor\":%.4f},"
               "\"weights\":{\"terms\":%.2f,\"entities\":%.2f,"
               "\"participants\":%.2f,\"type\":%.2f,\"figures\":%.2f},"
               "\"figure_conflict\":%s,\"dates\":{",
               (long long)a, (long long)b, (long long)x->event, (long long)y->event,
               same ? "true" : "false", s.terms, s.ents, s.parts, s.type, s.figs,
               s.date_factor, s.w_terms, CLU_W_ENTS, s.w_parts, CLU_W_TYPE,
               s.w_figs, s.fig_conflict ? "true" : "false");
  clu_why_day(out, "a", x);
  wt_sb_addc(out, ',');
  clu_why_day(out, "b", y);
  if (s.diff >= 0) wt_sb_printf(out, ",\"diff_days\":%d", s.diff);
  if (s.outside >= 0) wt_sb_printf(out, ",\"outside_window_days\":%d", s.outside);
  wt_sb_printf(out, "},\"total\":%.4f,\"threshold\":%.2f,\"cannot_link\":%s,"
               "\"duplicate\":\"%s\",\"verdict\":",
               s.total, CLU_THRESHOLD, s.cannot ? "true" : "false",
               s.dup == 1 ? "exact" : s.dup == 2 ? "near" : "none");
  wt_sb_json_str(out, verdict, strlen(verdict));
  wt_sb_addc(out, '}');
  return out->toobig ? -1 : 0;
}
