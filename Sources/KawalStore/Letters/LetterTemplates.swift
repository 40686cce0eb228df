import Foundation
import KawalDomain
import Mustache

/// Why a letter could not be rendered. The path names the file to fix.
public enum LetterError: Error, Equatable, Sendable {
    /// The branch's template does not parse; `reason` says where.
    case brokenTemplate(path: String, reason: String)
    /// The branch's template exists but cannot be read.
    case unreadableTemplate(path: String, reason: String)
}

/// Letter templates: formal Indonesian defaults for each kind, which a branch overrides by
/// dropping `KIND.mustache` (e.g. `warning1.mustache`) into the templates folder beside its
/// database (`templates/` in the database's folder). Templates are Mustache, rendered as plain
/// text (no HTML escaping), with the fields of `LetterFields.values`.
public enum LetterTemplates {
    /// The templates folder of the database at `databasePath`.
    public static func folder(forDatabase databasePath: String) -> String {
        let dir = (databasePath as NSString).deletingLastPathComponent
        return (dir.isEmpty ? "." : dir) + "/templates"
    }

    /// The file a branch drops in `folder` to override the template of `kind`.
    public static func overridePath(_ kind: LetterKind, folder: String) -> String {
        folder + "/" + kind.rawValue + ".mustache"
    }

    /// The template text of `kind`: the branch's file when there is one, else the default.
    public static func source(_ kind: LetterKind, folder: String?) throws(LetterError) -> (text: String, path: String?) {
        if let folder {
            let path = overridePath(kind, folder: folder)
            if FileManager.default.fileExists(atPath: path) {
                do {
                    return (try String(contentsOfFile: path, encoding: .utf8), path)
                } catch {
                    throw .unreadableTemplate(path: path, reason: (error as NSError).localizedDescription)
                }
            }
        }
        return (defaultTemplate(kind), nil)
    }

    /// Renders the letter of `fields.kind` with the branch's template or the default.
    public static func render(_ fields: LetterFields, folder: String?) throws(LetterError) -> String {
        let (text, path) = try source(fields.kind, folder: folder)
        return try render(text, fields, path: path ?? "(\(fields.kind.rawValue))")
    }

    /// Renders `template` (Mustache) with `fields`.
    static func render(_ template: String, _ fields: LetterFields, path: String) throws(LetterError) -> String {
        let parsed: MustacheTemplate
        do {
            // Letters are plain text: no HTML escaping of `{{field}}`.
            parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template)
        } catch let e as MustacheTemplate.ParserError {
            throw .brokenTemplate(path: path, reason: "baris \(e.context.lineNumber), kolom \(e.context.columnNumber): \(e.error)")
        } catch {
            throw .brokenTemplate(path: path, reason: "\(error)")
        }
        let context: [String: Any] = fields.values
        return parsed.render(context)
    }

    /// The shipped template of `kind`.
    public static func defaultTemplate(_ kind: LetterKind) -> String {
        switch kind {
        case .notification: return header(toCompany: true) + notification + signature
        case .socialisation: return header(toCompany: true) + socialisation + signature
        case .warning1: return header(toCompany: true) + warning1 + signature
        case .warning2: return header(toCompany: true) + warning2 + signature
        case .sanctionRecommendation: return header(toCompany: false, to: dpmptsp) + sanction + signature
        case .referral: return header(toCompany: false, to: kejaksaan) + referral + signature
        }
    }

    static let dpmptsp = """
        Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)
        Kota {{branch_city}}
        di tempat
        """

    static let kejaksaan = """
        Kepala Kejaksaan Negeri Kota {{branch_city}}
        u.p. Kepala Seksi Perdata dan Tata Usaha Negara
        di tempat
        """

    static func header(toCompany: Bool, to recipient: String = "") -> String {
        let to = toCompany ? """
            Pimpinan {{company_name}}
            {{company_address}}
            Kelurahan {{kelurahan}}, Kecamatan {{kecamatan}}
            di tempat
            """ : recipient
        return """
            {{branch_name}}
            {{branch_address}}

            {{branch_city}}, {{date_long}}

            Nomor    : {{letter_number}}
            Lampiran : -
            Perihal  : {{subject}}

            Kepada Yth.
            \(to)

            Dengan hormat,


            """
    }

    static let signature = """


        Hormat kami,
        {{branch_name}}



        {{signatory_name}}
        {{signatory_title}}

        """

    static let identity = """
        Nama perusahaan     : {{company_name}}
        Alamat              : {{company_address}}, Kelurahan {{kelurahan}}, Kecamatan {{kecamatan}}
        NPWP                : {{#npwp}}{{npwp}}{{/npwp}}{{^npwp}}-{{/npwp}}
        Jumlah tenaga kerja : {{estimated_workers}} orang (perkiraan)
        Telah terdaftar     : {{registered_workers}} orang
        Belum terdaftar     : {{unprotected_workers}} orang
        """

    static let notification = """
        Berdasarkan {{legal_basis}}, setiap pemberi kerja wajib mendaftarkan dirinya dan
        seluruh pekerjanya sebagai peserta program jaminan sosial ketenagakerjaan.

        Menurut data yang kami himpun, perusahaan Saudara adalah sebagai berikut:

        \(identity)

        Sehubungan dengan hal tersebut, kami mohon Saudara mendaftarkan seluruh tenaga kerja
        sebagai peserta BPJS Ketenagakerjaan{{#deadline_long}} paling lambat tanggal {{deadline_long}}{{/deadline_long}}.
        Petugas kami siap membantu proses pendaftaran; Saudara dapat menghubungi kami di alamat
        tersebut di atas.

        Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan kerja sama Saudara kami
        ucapkan terima kasih.
        """

    static let socialisation = """
        Dalam rangka meningkatkan pemahaman pemberi kerja mengenai program jaminan sosial
        ketenagakerjaan (Jaminan Kecelakaan Kerja, Jaminan Kematian, Jaminan Hari Tua, Jaminan
        Pensiun dan Jaminan Kehilangan Pekerjaan) sebagaimana diatur dalam {{legal_basis}},
        kami mengundang pimpinan {{company_name}} atau wakilnya untuk menghadiri sosialisasi
        program di {{branch_name}}, {{branch_address}}.

        Waktu pelaksanaan akan dikonfirmasi oleh petugas kami. Dalam sosialisasi tersebut kami
        juga akan membantu pendaftaran tenaga kerja perusahaan Saudara secara langsung.

        Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Saudara kami ucapkan
        terima kasih.
        """

    static let warning1 = """
        Menindaklanjuti pemberitahuan dan kunjungan petugas kami, sampai dengan tanggal surat
        ini perusahaan Saudara belum memenuhi kewajiban pendaftaran sebagai berikut:

        \(identity)

        Berdasarkan Pasal 17 Undang-Undang Nomor 24 Tahun 2011 serta Pasal 5 dan Pasal 6
        Peraturan Pemerintah Nomor 86 Tahun 2013, dengan ini kami menyampaikan

                                  TEGURAN TERTULIS PERTAMA

        dan meminta Saudara mendaftarkan seluruh tenaga kerja sebagai peserta BPJS
        Ketenagakerjaan dalam jangka waktu 10 (sepuluh) hari kerja{{#deadline_weekday}}, yaitu paling lambat
        {{deadline_weekday}}{{/deadline_weekday}}.

        Apabila sampai dengan batas waktu tersebut kewajiban ini belum dipenuhi, kami akan
        menyampaikan Teguran Tertulis Kedua.

        Demikian teguran ini kami sampaikan untuk dilaksanakan.
        """

    static let warning2 = """
        Menindaklanjuti Teguran Tertulis Pertama yang telah kami sampaikan, sampai dengan
        tanggal surat ini perusahaan Saudara belum memenuhi kewajiban pendaftaran sebagai
        berikut:

        \(identity)

        Berdasarkan Pasal 17 Undang-Undang Nomor 24 Tahun 2011 serta Pasal 5 dan Pasal 6
        Peraturan Pemerintah Nomor 86 Tahun 2013, dengan ini kami menyampaikan

                                   TEGURAN TERTULIS KEDUA

        dan meminta Saudara mendaftarkan seluruh tenaga kerja sebagai peserta BPJS
        Ketenagakerjaan dalam jangka waktu 10 (sepuluh) hari kerja{{#deadline_weekday}}, yaitu paling lambat
        {{deadline_weekday}}{{/deadline_weekday}}.

        Apabila teguran ini tidak diindahkan, BPJS Ketenagakerjaan akan melakukan pemeriksaan
        dan dapat mengenakan sanksi administratif berupa denda serta merekomendasikan sanksi
        tidak mendapat pelayanan publik tertentu (TMP2T) sebagaimana diatur dalam Pasal 7
        sampai dengan Pasal 9 Peraturan Pemerintah Nomor 86 Tahun 2013.

        Demikian teguran ini kami sampaikan untuk dilaksanakan.
        """

    static let sanction = """
        Berdasarkan Pasal 17 ayat (3) Undang-Undang Nomor 24 Tahun 2011 dan Pasal 8 serta
        Pasal 9 Peraturan Pemerintah Nomor 86 Tahun 2013, sanksi tidak mendapat pelayanan
        publik tertentu (TMP2T) dikenakan oleh Pemerintah atau pemerintah daerah atas
        permintaan BPJS.

        Pemberi kerja berikut telah kami beri Teguran Tertulis Pertama dan Kedua serta telah
        diperiksa oleh petugas pemeriksa kami{{#bap_number}} (Berita Acara Pemeriksaan Nomor {{bap_number}}){{/bap_number}},
        namun sampai dengan tanggal surat ini belum mendaftarkan seluruh tenaga kerjanya:

        \(identity)

        Sehubungan dengan hal tersebut, kami merekomendasikan agar kepada pemberi kerja
        tersebut dikenakan sanksi tidak mendapat pelayanan publik tertentu, antara lain
        penundaan atau penolakan layanan perizinan berusaha, sampai pemberi kerja tersebut
        memenuhi kewajibannya dan menunjukkan bukti kepesertaan dari BPJS Ketenagakerjaan.

        Demikian rekomendasi ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu kami
        ucapkan terima kasih.
        """

    static let referral = """
        Bersama ini kami sampaikan Surat Kuasa Khusus kepada Jaksa Pengacara Negara pada
        Kejaksaan Negeri Kota {{branch_city}} untuk mewakili BPJS Ketenagakerjaan dalam
        penanganan pemberi kerja yang tidak memenuhi kewajiban sebagaimana diatur dalam
        {{legal_basis}}, yaitu:

        \(identity)

        Pemberi kerja tersebut telah kami beri pemberitahuan, kunjungan, Teguran Tertulis
        Pertama dan Kedua, telah diperiksa{{#bap_number}} (Berita Acara Pemeriksaan Nomor {{bap_number}}){{/bap_number}}
        dan telah kami rekomendasikan untuk dikenakan sanksi tidak mendapat pelayanan publik
        tertentu, namun sampai dengan tanggal surat ini belum memenuhi kewajibannya.

        Salinan surat-surat dan berita acara tersebut kami lampirkan. Demikian kami sampaikan;
        atas bantuan dan kerja sama Bapak/Ibu kami ucapkan terima kasih.
        """
}
