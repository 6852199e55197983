/*
 * test_cli_pages.c - pages and store queries for the binary-level tests
 * (test_cli.c, test_badinput.c, test_crash.c).  The hand-written pages are
 * short made-up news items in Indonesian and English, in the shapes warta
 * reads: scraped text, HTML and JSON Lines.
 */
#include "test_cli_pages.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char page_banjir[] =
    "Banjir Rendam Ratusan Rumah di Bekasi\n"
    "Warta Kota - Senin, 20 Januari 2025 08:15 WIB\n\n"
    "BEKASI - Banjir merendam sedikitnya 350 rumah di Kecamatan Bekasi "
    "Timur, Jawa Barat, pada Senin (20/1/2025) pagi setelah hujan deras "
    "mengguyur sejak Minggu malam.\n\n"
    "Kepala BPBD Kota Bekasi, Ahmad Fauzi, mengatakan ketinggian air "
    "mencapai 1,5 meter di beberapa titik. \"Kami sudah mengevakuasi 120 "
    "warga ke posko pengungsian,\" kata Ahmad kepada wartawan.\n\n"
    "Menurut dia, pertemuan dengan pemerintah provinsi akan digelar Selasa "
    "untuk membahas normalisasi sungai.\n";

static const char page_banjir2[] =
    "Ratusan Warga Bekasi Mengungsi Akibat Banjir\n"
    "Kabar Jabar | 20/01/2025\n\n"
    "Sebanyak 120 warga Bekasi Timur mengungsi setelah banjir setinggi "
    "1,5 meter merendam permukiman mereka, Senin (20/1/2025).\n\n"
    "\"Air mulai naik sekitar pukul 03.00,\" ujar Siti Aminah, warga "
    "setempat. BPBD Kota Bekasi mencatat 350 rumah terdampak.\n\n"
    "Kepala BPBD Ahmad Fauzi bertemu wali kota untuk membahas bantuan.\n";

static const char page_en[] =
    "Central bank holds rates steady\n"
    "Jakarta Daily - January 22, 2025\n\n"
    "JAKARTA - Bank Indonesia kept its benchmark rate at 6 percent on "
    "Wednesday, citing pressure on the rupiah, Governor Perry Warjiyo said.\n\n"
    "\"We remain vigilant about global uncertainty,\" Warjiyo told "
    "reporters after a two-day meeting.\n\n"
    "Economists had expected a cut of 25 basis points.\n";

static const char page_html[] =
    "<!doctype html><html><head><meta charset=\"utf-8\">"
    "<title>Gempa Magnitudo 5,2 Guncang Cianjur</title>"
    "<meta property=\"og:site_name\" content=\"Berita Nusantara\">"
    "<meta property=\"article:published_time\" "
    "content=\"2025-02-03T10:20:00+07:00\"></head><body>"
    "<nav><a href=\"/\">Beranda</a> <a href=\"/news\">Berita</a></nav>"
    "<article><h1>Gempa Magnitudo 5,2 Guncang Cianjur</h1>"
    "<p>CIANJUR - Gempa bermagnitudo 5,2 mengguncang Kabupaten Cianjur, "
    "Jawa Barat, pada Senin (3/2/2025) pukul 09.45 WIB.</p>"
    "<p>BMKG menyatakan pusat gempa berada di darat pada kedalaman 10 "
    "kilometer. \"Tidak berpotensi tsunami,\" kata Kepala BMKG Dwikorita "
    "Karnawati.</p><p>Belum ada laporan korban jiwa.</p></article>"
    "<footer>Hak cipta 2025</footer></body></html>";

static const char page_jsonl[] =
    "{\"id\":\"feed-1\",\"url\":\"https://example.id/a\",\"title\":\"Harga "
    "Beras Naik 10 Persen\",\"outlet\":\"Pasar Kini\",\"published\":"
    "\"2025-03-01T07:00:00+07:00\",\"text\":\"Harga beras medium di "
    "Jakarta naik 10 persen dalam sepekan menjadi Rp14.500 per kilogram. "
    "Menteri Perdagangan mengatakan stok aman hingga Lebaran.\"}\n"
    "{\"id\":\"feed-2\",\"url\":\"https://example.id/b\",\"title\":\"Kereta "
    "Cepat Catat 5 Juta Penumpang\",\"outlet\":\"Pasar Kini\",\"published\":"
    "\"2025-03-02T09:00:00+07:00\",\"text\":\"Kereta cepat Jakarta-Bandung "
    "mencatat 5 juta penumpang sejak beroperasi. Direktur utama KCIC "
    "menyebut okupansi rata-rata 70 persen pada akhir pekan.\"}\n";

static void put(const char *dir, const char *name, const char *s) {
  char path[700];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  wt_test_write(path, s, strlen(s));
}

int wt_pages_write_good(const char *dir) {
  put(dir, "banjir.txt", page_banjir);
  put(dir, "banjir2.txt", page_banjir2);
  put(dir, "bank.txt", page_en);
  put(dir, "gempa.html", page_html);
  put(dir, "feed.jsonl", page_jsonl);
  return 6;
}

void wt_pages_generate(int i, char *buf, size_t n) {
  static const char *who[] = {"Budi Santoso", "Rina Wulandari", "Agus Salim",
                              "Dewi Lestari", "Hendra Gunawan", "Maya Sari",
                              "Joko Prasetyo", "Lina Marlina"};
  static const char *city[] = {"Semarang", "Medan", "Makassar", "Padang",
                               "Pontianak", "Manado", "Kupang", "Ambon",
                               "Jayapura", "Palembang", "Malang"};
  static const char *what[] = {"jembatan", "pasar", "rumah sakit", "sekolah",
                               "bendungan", "terminal", "pelabuhan"};
  const char *a = who[i % 8], *c = city[(i / 8) % 11], *t = what[(i / 3) % 7];
  int day = 1 + i % 28, mon = 1 + (i / 28) % 12;
  snprintf(buf, n,
           "%s Resmikan %s Baru di %s\n\n"
           "%s - Wali Kota %s meresmikan %s baru di %s pada Senin "
           "(%d/%d/2025) dengan anggaran Rp%d miliar.\n\n"
           "\"Kami berharap %s ini bermanfaat bagi %d warga,\" kata %s "
           "dalam sambutannya.\n\n"
           "Pembangunan %s nomor %d itu melibatkan %d pekerja dan selesai "
           "dalam %d bulan.\n",
           a, t, c, c, a, t, c, day, mon, 10 + i % 90, t, 1000 + i * 7, a, t,
           i, 50 + i % 400, 3 + i % 20);
}

int wt_pages_write_generated(const char *dir, int count) {
  char name[64], buf[4096];
  for (int i = 0; i < count; i++) {
    snprintf(name, sizeof name, "page-%04d.txt", i);
    wt_pages_generate(i, buf, sizeof buf);
    put(dir, name, buf);
  }
  return count;
}

static sqlite3_stmt *db_query(const char *db, const char *sql, sqlite3 **h) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_open_v2(db, h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_busy_timeout(*h, 5000);
  if (sqlite3_prepare_v2(*h, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

long long wt_db_int(const char *db, const char *sql) {
  sqlite3 *h = NULL;
  sqlite3_stmt *st = db_query(db, sql, &h);
  long long v = st ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

char *wt_db_text(const char *db, const char *sql) {
  sqlite3 *h = NULL;
  sqlite3_stmt *st = db_query(db, sql, &h);
  const char *s = st ? (const char *)sqlite3_column_text(st, 0) : NULL;
  char *v = s ? strdup(s) : NULL;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}
