#!/usr/bin/env python3
"""load_gen.py - synthetic news pages as JSON Lines for bench/load.sh.

    bench/load_gen.py N > pages.jsonl

N articles in groups of three outlets reporting the same event (two
leaders, a kind of event, a day, a place, a figure), so the store gets
about N/3 events.  Deterministic (fixed seed); every article is distinct.
"""
import json
import random
import sys

LEADERS = ["Prabowo Subianto", "Anthony Albanese", "Anwar Ibrahim",
           "Shigeru Ishiba", "Xi Jinping", "Vladimir Putin", "Emmanuel Macron",
           "Narendra Modi", "Lee Jae-myung", "Ferdinand Marcos Jr.",
           "Lawrence Wong", "Paetongtarn Shinawatra", "Recep Tayyip Erdogan",
           "Olaf Scholz", "Keir Starmer", "Luiz Inacio Lula da Silva"]
PLACES = ["Jakarta", "Bogor", "Canberra", "Kuala Lumpur", "Tokyo", "Beijing",
          "Moskow", "Paris", "New Delhi", "Seoul", "Manila", "Singapura",
          "Bangkok", "Ankara", "Berlin", "London", "Brasilia", "Bali"]
OUTLETS = ["Kompas.com", "detikNews", "kumparan.com", "Tempo", "CNN Indonesia",
           "Antara", "Okezone.com", "Republika", "Tribunnews", "Liputan6"]
TOPICS = ["energi", "pangan", "perdagangan", "pertahanan", "pendidikan",
          "kesehatan", "investasi", "iklim", "perikanan", "pariwisata"]
KINDS = [("bertemu", "pertemuan", "Pertemuan"),
         ("melakukan panggilan telepon dengan", "percakapan telepon", "Telepon"),
         ("menerima kunjungan", "kunjungan", "Kunjungan"),
         ("menandatangani perjanjian dengan", "penandatanganan", "Perjanjian")]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rnd = random.Random(7)
    out = sys.stdout
    for ev in range((n + 2) // 3):
        a, b = rnd.sample(LEADERS, 2)
        place = rnd.choice(PLACES)
        topic, topic2 = rnd.sample(TOPICS, 2)
        verb, noun, title_noun = rnd.choice(KINDS)
        y = 2020 + ev % 6
        m = rnd.randrange(12)
        d = rnd.randrange(1, 29)
        minutes = rnd.choice([30, 45, 60, 90, 120])
        money = rnd.randrange(2, 900)
        outlets = rnd.sample(OUTLETS, 3)
        for k in range(3):
            i = ev * 3 + k
            if i >= n:
                return
            title = (f"{title_noun} {a.split()[-1]} dan {b.split()[-1]} "
                     f"Bahas Kerja Sama {topic.capitalize()} ({ev})")
            text = (
                f"{title}\n\n"
                f"{place} - Presiden {a} {verb} {b} di {place} pada "
                f"{d} {MONTHS[m]} {y}. Dalam {noun} selama {minutes} menit "
                f"itu, keduanya membahas kerja sama {topic} dan {topic2}.\n\n"
                f"\"Kami sepakat memperkuat kerja sama {topic} yang saling "
                f"menguntungkan,\" kata {a.split()[-1]} kepada wartawan.\n\n"
                f"Nilai kesepakatan disebut mencapai US${money} juta. "
                f"Laporan ini bernomor {i} dan ditulis oleh {outlets[k]}.")
            rec = {"id": f"load-{i}", "url": f"https://example.org/{i}",
                   "title": title, "outlet": outlets[k],
                   "published": f"{y}-{m + 1:02d}-{d:02d}T{8 + k}:00:00+07:00",
                   "lang": "id", "text": text}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
