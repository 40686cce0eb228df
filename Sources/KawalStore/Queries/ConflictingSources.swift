import GRDB
import KawalDomain

extension AppDatabase {
    /// The first company (by id) for which two sources gave different values of one field, if any.
    /// For `kawal render`, which shows such a company; reads the whole provenance table.
    public func firstCompanyWithConflictingSources() throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT company_id FROM field_source GROUP BY company_id, field
                HAVING count(DISTINCT value) > 1 ORDER BY company_id LIMIT 1
                """)
        }
    }
}
