/*
 * test_lang_corpus.c - Malaysian Malay paragraphs written for warta's
 * language-identification tests (our own words, in the style of Malaysian
 * news; no real events are reported).  The Indonesian and English sides of
 * the labelled set come from ../shared (see test_lang.c).
 */
#include <stddef.h>

const char *const wt_test_ms_paras[] = {
    "Kerajaan negeri akan memperuntukkan sejumlah RM12 juta bagi membaiki "
    "jalan raya yang rosak akibat banjir di beberapa daerah, kata Menteri "
    "Besar dalam satu kenyataan semalam.",
    "Beliau berkata kerja-kerja pembaikan dijangka bermula bulan hadapan dan "
    "sebarang kelewatan akan dimaklumkan kepada orang ramai menerusi laman "
    "sesawang rasmi jabatan berkenaan.",
    "Polis telah menahan dua lelaki berusia lingkungan 30-an bagi membantu "
    "siasatan berhubung kes samun di sebuah stesen minyak di pinggir bandar "
    "pada awal pagi Ahad.",
    "Menurut ketua polis daerah, kedua-dua suspek direman selama empat hari "
    "bermula hari ini dan kes itu disiasat mengikut Seksyen 392 Kanun "
    "Keseksaan kerana melakukan rompakan.",
    "Syarikat penerbangan tambang rendah itu mengumumkan laluan baharu ke "
    "tiga destinasi serantau mulai Julai ini, sekali gus menjadikan "
    "rangkaiannya yang terbesar setakat ini.",
    "Ketua Pegawai Eksekutifnya berkata permintaan daripada pelancong "
    "meningkat hampir 20 peratus berbanding tahun lepas, terutamanya "
    "semasa musim cuti sekolah.",
    "Dalam pada itu, pembangkang menggesa kerajaan supaya membentangkan "
    "butiran perbelanjaan projek tersebut di Parlimen sebelum belanjawan "
    "tahun hadapan diluluskan.",
    "Seorang wakil rakyat berkata rakyat berhak mengetahui bagaimana wang "
    "awam dibelanjakan dan bahawa ketelusan amat penting bagi memulihkan "
    "keyakinan pelabur.",
    "Universiti tempatan itu turut menawarkan biasiswa penuh kepada pelajar "
    "daripada keluarga berpendapatan rendah, iaitu mereka yang berada dalam "
    "kumpulan B40.",
    "Naib Canselor berkata program tersebut bukan sahaja membantu pelajar "
    "dari segi kewangan malah boleh meningkatkan kualiti graduan yang "
    "dihasilkan setiap tahun.",
    "Harga minyak sawit mentah ditutup lebih tinggi pada petang Jumaat "
    "kerana permintaan yang kukuh dari pasaran eksport, kata seorang "
    "peniaga di Kuala Lumpur.",
    "Bagaimanapun, penganalisis menjangkakan harga akan kembali stabil "
    "minggu hadapan sekiranya pengeluaran meningkat selepas musim tengkujuh "
    "berakhir di pantai timur.",
    "Kementerian Kesihatan menasihatkan orang ramai supaya mendapatkan "
    "rawatan di klinik berhampiran sekiranya mengalami demam berpanjangan, "
    "terutamanya kanak-kanak dan warga emas.",
    "Jurucakap kementerian itu berkata sebanyak 1,200 kes baharu direkodkan "
    "sepanjang minggu lalu, iaitu peningkatan kecil berbanding minggu "
    "sebelumnya di kebanyakan negeri.",
    "Majlis perbandaran akan mengenakan kompaun kepada pemilik kenderaan "
    "yang meletakkan kereta di kawasan larangan mulai Isnin depan, menurut "
    "satu makluman kepada penduduk.",
    "Pihak berkuasa tempatan juga akan memasang lebih banyak kamera "
    "litar tertutup di sekitar pusat bandar bagi mengurangkan kes "
    "kemalangan dan kesesakan lalu lintas.",
    "Pasukan bola sepak negara tewas 1-2 kepada lawannya dalam perlawanan "
    "persahabatan malam tadi, namun jurulatih berpuas hati dengan "
    "semangat yang ditunjukkan pemain muda.",
    "Beliau memberitahu pemberita bahawa skuad akan terus menjalani latihan "
    "intensif sebelum berlepas ke luar negara untuk kejohanan serantau "
    "pada bulan Ogos.",
    "Perdana Menteri dijadual mengadakan lawatan rasmi selama tiga hari "
    "ke negara jiran bagi membincangkan kerjasama dalam bidang tenaga, "
    "perdagangan dan keselamatan sempadan.",
    "Kenyataan pejabatnya memaklumkan bahawa beberapa memorandum "
    "persefahaman dijangka dimeterai sepanjang lawatan itu, termasuk "
    "dalam sektor pendidikan tinggi.",
    /* held out: written after the word lists were tuned */
    "Jabatan Meteorologi mengeluarkan amaran hujan lebat di beberapa "
    "kawasan pantai timur sehingga hujung minggu ini dan orang ramai "
    "dinasihatkan agar sentiasa berwaspada.",
    "Seorang penduduk kampung berkata air mula naik dengan cepat selepas "
    "tengah malam dan beliau terpaksa memindahkan keluarganya ke pusat "
    "pemindahan sementara berhampiran.",
    "Bank pusat mengekalkan kadar dasar semalaman pada paras semasa, "
    "dengan alasan inflasi kekal terkawal walaupun ketidaktentuan ekonomi "
    "global masih tinggi.",
    "Pengarah festival itu berkata lebih 50,000 pengunjung dijangka hadir "
    "sepanjang tiga hari acara tersebut, yang turut menampilkan "
    "persembahan kebudayaan daripada pelbagai kaum.",
};
const size_t wt_test_ms_n = sizeof wt_test_ms_paras / sizeof wt_test_ms_paras[0];
