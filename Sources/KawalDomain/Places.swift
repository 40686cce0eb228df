/// A kecamatan (district) of Kota Pekalongan with its kelurahan.
public struct Kecamatan: Hashable, Sendable, Codable {
    public let name: String
    public let kelurahan: [String]

    public init(name: String, kelurahan: [String]) {
        self.name = name
        self.kelurahan = kelurahan
    }

    /// The four kecamatan of Kota Pekalongan and their kelurahan.
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

    /// The kecamatan that holds `kelurahan`, if any.
    public static func containing(kelurahan: String) -> Kecamatan? {
        let key = kelurahan.lowercased()
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

    /// The known sector with `code`, or a sector that shows the code alone.
    public static func forCode(_ code: String) -> Sector {
        known.first { $0.code == code } ?? Sector(code: code, label: "KBLI \(code)", short: code)
    }
}
