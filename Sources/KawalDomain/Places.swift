/// A kecamatan (district) of Kota Pekalongan with its kelurahan.
public struct Kecamatan: Hashable, Sendable, Codable {
    public let name: String
    public let kelurahan: [String]

    public init(name: String, kelurahan: [String]) {
        self.name = name
        self.kelurahan = kelurahan
    }

    /// The four kecamatan of Kota Pekalongan and their kelurahan.
    ///
    /// Three of these names (Kramatsari, Sampangan, Kraton Lor) are from before the city merged
    /// its kelurahan in 2015 (`Kelurahan.former`): the import matches them as the kelurahan they
    /// now lie in.
    public static let pekalongan: [Kecamatan] = [
        Kecamatan(name: "Pekalongan Barat", kelurahan: [
            "Bendan Kergon", "Kramatsari", "Medono", "Pasirkratonkramat", "Podosugih", "Sapuro Kebulen", "Tirto",
        ]),
        Kecamatan(name: "Pekalongan Timur", kelurahan: [
            "Gamer", "Kauman", "Klego", "Noyontaansari", "Poncol", "Sampangan", "Setono",
        ]),
        Kecamatan(name: "Pekalongan Utara", kelurahan: [
            "Bandengan", "Degayu", "Krapyak", "Kraton Lor", "Padukuhan Kraton", "Panjang Baru", "Panjang Wetan",
        ]),
        Kecamatan(name: "Pekalongan Selatan", kelurahan: [
            "Banyurip", "Buaran Kradenan", "Duwet", "Jenggot", "Kertoharjo", "Kuripan Kidul", "Kuripan Lor",
            "Yosorejo",
        ]),
    ]

    /// The name without the city it shares with the others (`Pekalongan Barat` → `Barat`), for narrow columns.
    public static func shortName(_ name: String) -> String {
        let prefix = "Pekalongan "
        return name.hasPrefix(prefix) && name.count > prefix.count ? String(name.dropFirst(prefix.count)) : name
    }

    /// A kecamatan as a list writes it, in the city's own spelling when it is one of the four:
    /// case, punctuation and a leading `Kec.` or `Kecamatan` do not matter, and the city may be
    /// left out or shortened (`KEC. PEKALONGAN TIMUR`, `Pek. Timur`, `Timur` → `Pekalongan Timur`).
    /// Any other place (a kecamatan of the regency, say) is kept as written.
    public static func canonical(_ text: String) -> String {
        if names.contains(text) { return text }
        var words = placeWords(text)
        if let first = words.first, prefixWords.contains(first), words.count > 1 { words.removeFirst() }
        if words.count == 2, ["pekalongan", "pek", "pkl", "pekl", "pklg"].contains(words[0]) { words.removeFirst() }
        if words.count == 1 {
            let w = words[0].hasPrefix("pekalongan") ? String(words[0].dropFirst("pekalongan".count)) : words[0]
            if let k = pekalongan.first(where: { shortName($0.name).lowercased() == w }) { return k.name }
        }
        return text
    }

    private static let names = Set(pekalongan.map(\.name))

    /// The words a list writes before a kecamatan's name (`Kec.`, `Kecamatan`), folded.
    static let prefixWords: Set<String> = ["kec", "kecamatan"]

    /// Whether `name` is one of the city's four, as `canonical` spells them.
    public static func isCity(_ name: String) -> Bool { names.contains(name) }

    /// The kecamatan that holds `kelurahan`, if any: a former kelurahan (`Kelurahan.former`)
    /// lies in the kecamatan of the kelurahan it was merged into.
    public static func containing(kelurahan: String) -> Kecamatan? {
        let key = Kelurahan.current(kelurahan).lowercased()
        return pekalongan.first { $0.kelurahan.contains { $0.lowercased() == key } }
    }
}

/// A KBLI sector code (*Klasifikasi Baku Lapangan Usaha Indonesia*) with its label.
public struct Sector: Hashable, Sendable, Codable {
    public let code: String
    public let label: String
    /// A short label that fits a table column.
    public let short: String

    public init(code: String, label: String, short: String) {
        self.code = code
        self.label = label
        self.short = short
    }

    /// Sectors seen in Pekalongan's lists; batik first.
    public static let known: [Sector] = [
        Sector(code: "13134", label: "Industri Batik", short: "Batik"),
        Sector(code: "14111", label: "Industri Pakaian Jadi", short: "Konveksi"),
        Sector(code: "13121", label: "Industri Pertenunan", short: "Tenun"),
        Sector(code: "10213", label: "Industri Pengasapan/Pemanggangan Ikan", short: "Ikan asap"),
        Sector(code: "10792", label: "Industri Roti dan Kue", short: "Roti/Kue"),
        Sector(code: "47711", label: "Perdagangan Eceran Pakaian", short: "Toko pakaian"),
        Sector(code: "47111", label: "Perdagangan Eceran Kelontong", short: "Kelontong"),
        Sector(code: "56101", label: "Restoran", short: "Restoran"),
        Sector(code: "49431", label: "Angkutan Bermotor untuk Barang", short: "Angkutan"),
        Sector(code: "41011", label: "Konstruksi Gedung Hunian", short: "Konstruksi"),
        Sector(code: "03111", label: "Penangkapan Ikan di Laut", short: "Perikanan"),
        Sector(code: "55110", label: "Hotel Bintang", short: "Hotel"),
    ]

    /// The known sector with `code`, or a sector that shows the code alone; no code (a list
    /// without a KBLI column, such as BPJAMSOSTEK's) is a sector with no name.
    public static func forCode(_ code: String) -> Sector {
        if code.isEmpty { return Sector(code: "", label: "", short: "") }
        return known.first { $0.code == code } ?? Sector(code: code, label: "KBLI \(code)", short: code)
    }
}

/// Kelurahan names as lists write them.
public enum Kelurahan {
    /// A kelurahan of the city in its own spelling: case, punctuation, spacing and a leading
    /// `Kel.`, `Kelurahan` or `Desa` do not matter (`KEL. PANJANGWETAN` → `Panjang Wetan`). A
    /// former kelurahan keeps its own name (`KEL. KERGON` → `Kergon`): `current` says where it
    /// lies now. Any other place is kept as written.
    public static func canonical(_ text: String) -> String {
        if names.contains(text) { return text }
        var words = placeWords(text)
        if let first = words.first, prefixWords.contains(first), words.count > 1 { words.removeFirst() }
        return byKey[words.joined()] ?? text
    }

    /// The kelurahan `name` (as `canonical` spells it) lies in now: itself, or for a former
    /// kelurahan the one it was merged into (`Kergon` → `Bendan Kergon`). Lists still write the
    /// old names; the import keeps them as written and matches places by this.
    public static func current(_ name: String) -> String { former[name] ?? name }

    /// Kelurahan that Kota Pekalongan merged into others, with the kelurahan each lies in now.
    ///
    /// Follows Perda Kota Pekalongan No. 8 Tahun 2013 tentang Penggabungan Kelurahan (47
    /// kelurahan became 27, in force from 1 January 2015): the merged kelurahan as the city
    /// announced them on 8 December 2014 (Sapuro–Kebulen, Bendan–Kergon, Pasir–Kraton–Kramat,
    /// Noyontaan Sari, Kauman, Krapyak, Padukuhan–Kraton, Buaran–Kradenan, Banyurip, …), and
    /// their parts as the mayor named them in April 2013 (Sugihwaras, Sampangan, Kauman and
    /// Keputran into one; Pasirsari, Kramatsari and Kraton Kidul; Pabean, Dukuh and Kraton Lor;
    /// Krapyak Lor and Krapyak Kidul) and as Landungsari's residents protested theirs in January
    /// 2015 (Noyontaan and Landungsari). Only merges into a kelurahan of `Kecamatan.pekalongan`
    /// are here, and only those whose parts are certain.
    static let former: [String: String] = [
        // Pekalongan Barat
        "Bendan": "Bendan Kergon", "Kergon": "Bendan Kergon",
        "Sapuro": "Sapuro Kebulen", "Kebulen": "Sapuro Kebulen",
        "Pasirsari": "Pasirkratonkramat", "Kraton Kidul": "Pasirkratonkramat", "Kramatsari": "Pasirkratonkramat",
        // Pekalongan Timur
        "Noyontaan": "Noyontaansari", "Landungsari": "Noyontaansari",
        "Keputran": "Kauman", "Sugihwaras": "Kauman", "Sampangan": "Kauman",
        // Pekalongan Utara
        "Krapyak Lor": "Krapyak", "Krapyak Kidul": "Krapyak",
        "Pabean": "Padukuhan Kraton", "Dukuh": "Padukuhan Kraton", "Kraton Lor": "Padukuhan Kraton",
        // Pekalongan Selatan
        "Buaran": "Buaran Kradenan", "Kradenan": "Buaran Kradenan",
        "Banyurip Alit": "Banyurip", "Banyurip Ageng": "Banyurip",
    ]

    /// The words a list writes before a kelurahan's name (`Kel.`, `Kelurahan`, `Desa`), folded.
    static let prefixWords: Set<String> = ["kel", "kelurahan", "desa", "ds"]

    /// Every kelurahan name the city's lists may use: today's and the former ones.
    static let all = Kecamatan.pekalongan.flatMap(\.kelurahan) + former.keys.sorted()
    private static let names = Set(all)

    /// Whether `name` is a kelurahan of the city, today's or a former one, as `canonical` spells them.
    public static func isCity(_ name: String) -> Bool { names.contains(name) }
    private static let byKey: [String: String] = Dictionary(
        all.map { (placeWords($0).joined(), $0) }, uniquingKeysWith: { first, _ in first })
}

/// A place name's words in lower case, split at anything that is not a letter or a digit.
func placeWords(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
}
