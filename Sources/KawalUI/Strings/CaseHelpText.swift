/// Strings of the `--help` pages of `kawal case` and its subcommands, `kawal letter`,
/// `kawal officer` and `kawal holiday`: each command's abstract and discussion, and the help
/// of its arguments, options and flags (`kawal` target). A list the code builds (stages,
/// letter kinds) comes in as `{0}`.
public enum CaseHelpText: String, CatalogueKey {
    // Shared by several commands
    case caseNumber
    case letterKindOption
    case jsonInsteadOfText
    case jsonInsteadOfTable
    // kawal case
    case caseAbstract
    case caseDiscussion
    // kawal case list
    case listAbstract
    case listStage
    case listMine
    case listJSON
    // kawal case show
    case showAbstract
    // kawal case log-letter
    case logLetterAbstract
    case logLetterDiscussion
    case logLetterDate
    case logLetterDelivery
    // kawal case log-visit
    case logVisitAbstract
    case logVisitDiscussion
    case logVisitKind
    case logVisitDate
    case logVisitOutcome
    case logVisitBAP
    case logVisitWorkers
    case logVisitNote
    case logVisitPromise
    // kawal case note
    case noteAbstract
    case noteText
    // kawal case promise
    case promiseAbstract
    case promiseUntil
    case promiseNote
    // kawal case escalate
    case escalateAbstract
    case escalateDiscussion
    case escalateTo
    case escalateReason
    // kawal case approve
    case approveAbstract
    // kawal case comply
    case complyAbstract
    case complyRegistered
    // kawal case close
    case closeAbstract
    case closeReason
    case closeNote
    // kawal letter
    case letterAbstract
    case letterDiscussion
    case letterOut
    // kawal officer
    case officerAbstract
    case officerDiscussion
    case officerAddAbstract
    case officerAddLogin
    case officerAddName
    case officerAddRole
    case officerListAbstract
    // kawal holiday
    case holidayAbstract
    case holidayDiscussion
    case holidayListAbstract
    case holidayListYear
    case holidayAddAbstract
    case holidayDate
    case holidayAddName
    case holidayRemoveAbstract

    public static let indonesian: [CaseHelpText: String] = [
        .caseNumber: "Nomor kasus.",
        .letterKindOption: "Jenis surat: {0}.",
        .jsonInsteadOfText: "Keluaran JSON, bukan teks.",
        .jsonInsteadOfTable: "Keluaran JSON, bukan tabel.",
        .caseAbstract: "Tampilkan daftar dan rincian kasus, serta tangani kasus: surat, kunjungan, catatan, janji, eskalasi, persetujuan, penutupan.",
        .caseDiscussion: """
            Setiap tindakan dicatat atas nama login OS yang menjalankan perintah; login itu harus sudah \
            didaftarkan dengan `kawal officer add`. Kode keluar: 0 selesai, 3 ditolak (alasannya di \
            stderr, tidak ada yang ditulis), 2 salah penggunaan perintah, 1 kesalahan lain.
            """,
        .listAbstract: "Tampilkan daftar kasus, urut menurut nomor kasus.",
        .listStage: "Hanya kasus pada tahap ini: {0}.",
        .listMine: "Hanya kasus yang ditugaskan kepada Anda.",
        .listJSON: "Keluaran JSON (satu array objek), bukan tabel.",
        .showAbstract: "Tampilkan satu kasus: tangga penegakan, riwayat, dan tindakan berikutnya yang bisa dilakukan (serta alasan tindakan lain tidak bisa).",
        .logLetterAbstract: "Catat surat yang sudah dikirim: surat diberi nomor urut berikutnya dan teksnya disimpan apa adanya bersama kasus.",
        .logLetterDiscussion: """
            Surat Teguran, surat rekomendasi TMP2T atau SKK yang dikirim saat kasus berada satu tahap \
            di bawahnya menaikkan tahap kasus, jika kebijakan eskalasi mengizinkan.
            """,
        .logLetterDate: "Tanggal surat dikirim (YYYY-MM-DD atau dd/mm/yyyy; bila tidak diisi, hari ini).",
        .logLetterDelivery: "Cara pengiriman, misalnya \"Pos tercatat\".",
        .logVisitAbstract: "Catat kunjungan atau pemeriksaan (dengan nomor BAP-nya).",
        .logVisitDiscussion: """
            Kunjungan pada tahap Pemberitahuan dan pemeriksaan pada tahap Teguran II menaikkan tahap \
            kasus, jika kebijakan eskalasi mengizinkan.
            """,
        .logVisitKind: "kunjungan atau pemeriksaan.",
        .logVisitDate: "Tanggal kunjungan (YYYY-MM-DD atau dd/mm/yyyy).",
        .logVisitOutcome: "met (bertemu), not-met (tidak bertemu), closed-premises (tempat tutup) atau refused (ditolak).",
        .logVisitBAP: "Nomor Berita Acara Pemeriksaan (BAP).",
        .logVisitWorkers: "Jumlah tenaga kerja yang dihitung.",
        .logVisitNote: "Temuan.",
        .logVisitPromise: "Janji (surat pernyataan) yang ditandatangani saat kunjungan: tanggal paling lambat perusahaan akan mendaftar.",
        .noteAbstract: "Tambahkan catatan pada kasus (juga pada kasus yang sudah selesai).",
        .noteText: "Isi catatan.",
        .promiseAbstract: "Catat janji (surat pernyataan): perusahaan akan mendaftar atau membayar paling lambat pada tanggal tertentu. Sampai tanggal itu eskalasi ditahan.",
        .promiseUntil: "Tanggal yang dijanjikan (YYYY-MM-DD atau dd/mm/yyyy), setelah hari ini.",
        .promiseNote: "Apa yang dijanjikan perusahaan.",
        .escalateAbstract: "Naikkan kasus satu tahap, atau turunkan tahapnya, dengan alasan.",
        .escalateDiscussion: """
            Bila tujuannya `referred`, perintah ini mencatat permintaan limpah ke Kejaksaan dengan \
            alasan sebagai justifikasi tertulis; permintaan itu lalu disetujui oleh supervisor lain \
            (bukan Anda) dengan `kawal case approve`.
            """,
        .escalateTo: "Tahap tujuan: {0}.",
        .escalateReason: "Alasan (untuk limpah ke Kejaksaan: justifikasi tertulis).",
        .approveAbstract: "Setujui limpah ke Kejaksaan (khusus supervisor; bukan permintaan Anda sendiri).",
        .complyAbstract: "Tandai kasus patuh: perusahaan sudah mendaftarkan tenaga kerjanya.",
        .complyRegistered: "Jumlah tenaga kerja yang kini terdaftar (bila tidak diisi: semua tenaga kerja menurut perkiraan).",
        .closeAbstract: "Tutup kasus tanpa menandainya patuh.",
        .closeReason: "ceased-trading (usaha sudah tutup), duplicate (data ganda), outside-area (di luar wilayah cabang) atau not-obliged (tidak wajib daftar).",
        .closeNote: "Catatan.",
        .letterAbstract: "Keluarkan teks surat suatu kasus: sebagaimana dikirim bila surat sudah dicatat, atau draf dari templat cabang bila belum.",
        .letterDiscussion: """
            Templat: berkas templates/KIND.mustache di folder yang sama dengan berkas basis data \
            menggantikan templat bawaan (KIND: {0}).
            """,
        .letterOut: "Tulis ke berkas ini, bukan ke keluaran standar.",
        .officerAbstract: "Daftarkan petugas (login OS) beserta perannya: petugas, supervisor, admin.",
        .officerDiscussion: """
            Admin pertama sebuah basis data adalah login yang membuatnya. Login yang belum terdaftar \
            hanya bisa melihat data.
            """,
        .officerAddAbstract: "Daftarkan petugas (khusus admin).",
        .officerAddLogin: "Login OS petugas.",
        .officerAddName: "Nama lengkap, seperti yang tampil di layar dan surat.",
        .officerAddRole: "petugas, supervisor atau admin.",
        .officerListAbstract: "Tampilkan daftar petugas yang terdaftar.",
        .holidayAbstract: "Tampilkan atau ubah daftar hari libur yang tidak dihitung dalam tenggat hari kerja (perubahan hanya oleh admin).",
        .holidayDiscussion: """
            Basis data baru sudah memuat hari libur nasional 2026 dan 2027; tambahkan cuti bersama atau \
            hari libur daerah sesuai yang berlaku di cabang.
            """,
        .holidayListAbstract: "Tampilkan daftar hari libur.",
        .holidayListYear: "Hanya hari libur pada tahun yang disebut, misalnya 2026.",
        .holidayAddAbstract: "Tambahkan hari libur (atau ganti namanya).",
        .holidayDate: "Tanggal hari libur (YYYY-MM-DD atau dd/mm/yyyy).",
        .holidayAddName: "Nama hari libur, misalnya \"Cuti bersama Idul Fitri\".",
        .holidayRemoveAbstract: "Hapus hari libur.",
    ]

    public static let english: [CaseHelpText: String] = [
        .caseNumber: "The case number.",
        .letterKindOption: "Kind: {0}.",
        .jsonInsteadOfText: "JSON instead of text.",
        .jsonInsteadOfTable: "JSON instead of a table.",
        .caseAbstract: "List, show and work cases: letters, visits, notes, promises, escalation, approval, closing.",
        .caseDiscussion: """
            Every action is recorded as the OS login running the command, which must be registered \
            with `kawal officer add`. Exit codes: 0 done, 3 refused (the reason on stderr, nothing \
            written), 2 usage error, 1 anything else.
            """,
        .listAbstract: "List cases, by case number.",
        .listStage: "Only cases at this stage: {0}.",
        .listMine: "Only the cases assigned to you.",
        .listJSON: "JSON (one array of objects) instead of a table.",
        .showAbstract: "Show a case: ladder, history, and the allowed next actions (and why the others are not).",
        .logLetterAbstract: "Log a letter sent: it gets the next number and its exact text is kept with the case.",
        .logLetterDiscussion: "A Teguran, TMP2T or SKK letter sent from the stage below moves the case up, if the policy allows it.",
        .logLetterDate: "The day it was sent (YYYY-MM-DD or dd/mm/yyyy; default today).",
        .logLetterDelivery: "How it was delivered, e.g. \"Pos tercatat\".",
        .logVisitAbstract: "Log a visit (kunjungan) or an examination (pemeriksaan, with its BAP number).",
        .logVisitDiscussion: "A kunjungan from Pemberitahuan and a pemeriksaan from Teguran II move the case up, if the policy allows it.",
        .logVisitKind: "kunjungan or pemeriksaan.",
        .logVisitDate: "The day of the visit (YYYY-MM-DD or dd/mm/yyyy).",
        .logVisitOutcome: "met, not-met, closed-premises or refused.",
        .logVisitBAP: "The number of the examination report (Berita Acara Pemeriksaan).",
        .logVisitWorkers: "Workers counted.",
        .logVisitNote: "Findings.",
        .logVisitPromise: "A promise (surat pernyataan) signed during the visit: the day the company will register by.",
        .noteAbstract: "Add a note to a case (also a finished one).",
        .noteText: "The note.",
        .promiseAbstract: "Log a promise (surat pernyataan): the company will register or pay by a day. It holds escalation until then.",
        .promiseUntil: "The promised day (YYYY-MM-DD or dd/mm/yyyy), after today.",
        .promiseNote: "What the company promised.",
        .escalateAbstract: "Move a case one stage up, or step it down, with a reason.",
        .escalateDiscussion: """
            To `referred` this records a request with the reason as its written justification; a \
            supervisor other than you then approves it with `kawal case approve`.
            """,
        .escalateTo: "The stage: {0}.",
        .escalateReason: "Why (the written justification of a referral).",
        .approveAbstract: "Approve a referral to the prosecutor (supervisors; not your own request).",
        .complyAbstract: "Mark a case compliant: the company registered its workers.",
        .complyRegistered: "Workers now registered (default: all the estimated workers).",
        .closeAbstract: "Close a case without compliance.",
        .closeReason: "ceased-trading, duplicate, outside-area or not-obliged.",
        .closeNote: "A note.",
        .letterAbstract: "Write a case's letter: the text as sent if it was logged, else a draft from the branch's template.",
        .letterDiscussion: """
            Templates: templates/KIND.mustache beside the database overrides the built-in one \
            (KIND: {0}).
            """,
        .letterOut: "Write to this file instead of standard output.",
        .officerAbstract: "Register officers (OS logins) and their roles: petugas, supervisor, admin.",
        .officerDiscussion: "The login that creates a database is its first admin. A login not registered can only browse.",
        .officerAddAbstract: "Register an officer (admin only).",
        .officerAddLogin: "The officer's OS login.",
        .officerAddName: "Full name, as screens and letters show it.",
        .officerAddRole: "petugas, supervisor or admin.",
        .officerListAbstract: "List the registered officers.",
        .holidayAbstract: "List or edit the holiday table that working-day deadlines skip (editing: admin only).",
        .holidayDiscussion: "A new database holds the national holidays of 2026 and 2027; add cuti bersama or local days as the branch keeps them.",
        .holidayListAbstract: "List the holidays.",
        .holidayListYear: "Only this year.",
        .holidayAddAbstract: "Add a holiday (or rename one).",
        .holidayDate: "The day (YYYY-MM-DD or dd/mm/yyyy).",
        .holidayAddName: "Its name, e.g. \"Cuti bersama Idul Fitri\".",
        .holidayRemoveAbstract: "Remove a holiday.",
    ]
}
