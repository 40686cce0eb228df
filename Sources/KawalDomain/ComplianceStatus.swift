/// A company's compliance category, as BPJAMSOSTEK reports it.
public enum ComplianceStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// *Perusahaan Wajib Belum Daftar*: obliged to register, not registered at all.
    case pwbd = "PWBD"
    /// *Perusahaan Daftar Sebagian – Tenaga Kerja*: only some workers registered.
    case pdsTK = "PDS-TK"
    /// *PDS – Upah*: wages reported too low.
    case pdsUpah = "PDS-Upah"
    /// *PDS – Program*: not enrolled in every mandatory programme.
    case pdsProgram = "PDS-Program"
    /// Compliant: nothing outstanding.
    case patuh = "Patuh"

    /// The code as staff write it (`PWBD`, `PDS-TK`, …).
    public var code: String { rawValue }

    /// Parses a code regardless of case, spaces and dashes (`pds tk`, `PDS_TK`), or the
    /// category's name written out (`Perusahaan Wajib Belum Daftar`).
    public init?(code: String) {
        // Most lists write the codes exactly.
        if let exact = ComplianceStatus(rawValue: code) {
            self = exact
            return
        }
        let key = code.uppercased().filter { $0.isLetter }
        guard let match = ComplianceStatus.allCases.first(where: { $0.rawValue.uppercased().filter(\.isLetter) == key })
                ?? ComplianceStatus.spelledOut[key] else {
            return nil
        }
        self = match
    }

    /// The categories' names written out, as some lists give them (`Perusahaan Wajib Belum
    /// Daftar`, `PDS – Tenaga Kerja`), keyed by their letters in upper case.
    static let spelledOut: [String: ComplianceStatus] = [
        "PERUSAHAANWAJIBBELUMDAFTAR": .pwbd, "WAJIBBELUMDAFTAR": .pwbd,
        "PERUSAHAANDAFTARSEBAGIANTENAGAKERJA": .pdsTK, "DAFTARSEBAGIANTENAGAKERJA": .pdsTK, "PDSTENAGAKERJA": .pdsTK,
        "PERUSAHAANDAFTARSEBAGIANUPAH": .pdsUpah, "DAFTARSEBAGIANUPAH": .pdsUpah,
        "PERUSAHAANDAFTARSEBAGIANPROGRAM": .pdsProgram, "DAFTARSEBAGIANPROGRAM": .pdsProgram,
    ]

    /// Whether anything is outstanding.
    public var isCompliant: Bool { self == .patuh }
}

/// Employer scale, which decides the mandatory programmes (Perpres 109/2013 art. 6).
public enum Scale: String, CaseIterable, Sendable, Codable, Hashable {
    case mikro, kecil, menengah, besar

    /// The mandatory programmes for this scale.
    public var mandatoryProgrammes: [Programme] {
        switch self {
        case .besar, .menengah: return [.jkk, .jkm, .jht, .jp]
        case .kecil: return [.jkk, .jkm, .jht]
        case .mikro: return [.jkk, .jkm]
        }
    }
}

/// The workers' social security programmes.
public enum Programme: String, CaseIterable, Sendable, Codable {
    /// *Jaminan Kecelakaan Kerja*: work accident.
    case jkk = "JKK"
    /// *Jaminan Kematian*: death.
    case jkm = "JKM"
    /// *Jaminan Hari Tua*: old age savings.
    case jht = "JHT"
    /// *Jaminan Pensiun*: pension.
    case jp = "JP"
}

/// Legal form of a business.
public enum LegalForm: String, CaseIterable, Sendable, Codable, Hashable {
    case pt = "PT"
    case cv = "CV"
    case ud = "UD"
    case koperasi = "Koperasi"
    case perorangan = "Perorangan"
    /// A partnership under a joint name (*Firma*, `Fa.`).
    case firma = "Firma"
    /// A foundation (*Yayasan*): schools, clinics and orphanages employ workers too.
    case yayasan = "Yayasan"
    /// A state enterprise that is not a PT (*Perusahaan Umum*).
    case perum = "Perum"
    /// A regional government's enterprise (*Perusahaan Umum Daerah*, formerly *Perusahaan
    /// Daerah*): the city's water company, its markets.
    case perumda = "Perumda"
    /// A village-owned enterprise (*Badan Usaha Milik Desa*).
    case bumdes = "BUMDes"
    /// A civil partnership (*Persekutuan Perdata*, *maatschap*) of professionals.
    case persekutuanPerdata = "Persekutuan Perdata"

    /// A company's name with its legal form as people write it (`PT Batik Sekar Jaya`), without
    /// the form for a person's business, or where the name already begins with it (a foundation
    /// is named `Yayasan …`).
    public func displayName(_ name: String) -> String {
        if self == .perorangan { return name }
        let prefix = rawValue + " "
        if name.count > prefix.count, name.prefix(prefix.count).lowercased() == prefix.lowercased() { return name }
        return prefix + name
    }

    /// Parses the form as written in lists (`pt`, `P.T.`, `Kop.`), or spelled out as OSS and
    /// the licensing office write it (`Perseroan Terbatas`, `Persekutuan Komanditer (CV)`,
    /// `Usaha Dagang`, `Usaha Perseorangan`). A PT of one person (*PT Perorangan*) or a state
    /// one (*Persero*, or a region's *Perseroda*) is a PT; a savings-and-loan or other
    /// cooperative is a Koperasi. Other words (`BUMN`, which is a Persero or a Perum) are not guessed.
    public init?(text: String) {
        let key = text.uppercased().filter(\.isLetter)
        switch key {
        case "PT", "PERSEROANTERBATAS", "PERSEROANTERBATASPT", "PTPERSEROANTERBATAS", "PTPERORANGAN",
             "PERSEROANPERORANGAN", "PERSERO", "PTPERSERO", "PTTBK", "PERSERODA", "PERSEROANDAERAH":
            self = .pt
        case "CV", "PERSEKUTUANKOMANDITER", "PERSEKUTUANKOMANDITERCV", "PERSEROANKOMANDITER", "PERSEROANKOMANDITERCV",
             "COMMANDITAIREVENNOOTSCHAP":
            self = .cv
        case "UD", "USAHADAGANG", "USAHADAGANGUD":
            self = .ud
        case "KOPERASI", "KOP", "KSP", "KUD":
            self = .koperasi
        case "PERORANGAN", "USAHAPERORANGAN", "PERSEORANGAN", "USAHAPERSEORANGAN", "PERUSAHAANPERSEORANGAN",
             "PERUSAHAANPERORANGAN", "INDIVIDU", "":
            self = .perorangan
        case "FIRMA", "FA", "PERSEKUTUANFIRMA":
            self = .firma
        case "YAYASAN":
            self = .yayasan
        case "PERUM", "PERUSAHAANUMUM":
            self = .perum
        case "PERUMDA", "PERUSAHAANUMUMDAERAH", "PD", "PERUSAHAANDAERAH":
            self = .perumda
        case "BUMDES", "BADANUSAHAMILIKDESA":
            self = .bumdes
        case "PERSEKUTUANPERDATA", "MAATSCHAP":
            self = .persekutuanPerdata
        default:
            // `Koperasi Simpan Pinjam`, `Koperasi Serba Usaha`, `Koperasi Produsen Batik …`
            guard key.hasPrefix("KOPERASI") else { return nil }
            self = .koperasi
        }
    }
}
