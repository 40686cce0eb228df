import KawalDomain

/// Where the filter menu goes.
public enum FilterMenuLayout {
    static func box(_ size: Size) -> Rect {
        let w = min(60, size.width - 4)
        let h = size.height - 4
        return Rect(x: (size.width - w) / 2, y: 2, width: w, height: h)
    }

    /// Items that fit in the menu.
    public static func listHeight(_ size: Size) -> Int { box(size).height - 3 }
}

/// The filter and sort menus, drawn over the companies list.
enum Menus {
    static func drawFilter(_ b: inout Buffer, _ state: AppState, _ menu: FilterMenu, _ ctx: RenderContext) {
        let s = state.strings
        let r = FilterMenuLayout.box(b.size)
        Chrome.box(&b, r, title: s[.filterTitle], glyphs: ctx.glyphs)
        let inner = r.width - 4
        let height = FilterMenuLayout.listHeight(b.size)
        for i in 0..<height {
            let index = menu.top + i
            guard index < menu.items.count else { break }
            let item = menu.items[index]
            let y = r.y + 1 + i
            let selected = index == menu.cursor
            let style: Style = selected ? .selected : .plain
            switch item {
            case .group(let key):
                b.put(s[key], x: r.x + 2, y: y, width: inner, style: .header)
            default:
                let box = menu.isOn(item) ? "[x] " : "[ ] "
                b.put("  " + box + label(item, s), x: r.x + 2, y: y, width: inner, style: style, glyphs: ctx.glyphs)
                if selected { b.cursor = (r.x + 3, y) }
            }
        }
        b.put(s[.filterHint], x: r.x + 2, y: r.maxY - 2, width: inner, style: .muted, glyphs: ctx.glyphs)
    }

    static func label(_ item: FilterItem, _ s: Strings) -> String {
        switch item {
        case .group(let k): return s[k]
        case .status(let st): return st.code
        case .stage(let st): return s.stage(st)
        case .kecamatan(let k): return k
        case .sector(let code):
            let sector = Sector.forCode(code)
            return "\(sector.code) \(sector.label)"
        }
    }

    static func drawSort(_ b: inout Buffer, _ state: AppState, cursor: Int, _ ctx: RenderContext) {
        let s = state.strings
        let count = CompanySort.allCases.count
        let w = min(48, b.size.width - 4)
        let r = Rect(x: (b.size.width - w) / 2, y: max(1, (b.size.height - count - 4) / 2), width: w, height: count + 4)
        Chrome.box(&b, r, title: s[.sortTitle], glyphs: ctx.glyphs)
        let q = state.list.query
        for (i, sort) in CompanySort.allCases.enumerated() {
            let y = r.y + 1 + i
            var text = "  " + s.sort(sort)
            if sort == q.sort {
                let descending = sort.descendingByDefault != q.reversed
                text += " " + (descending ? ctx.glyphs.down : ctx.glyphs.up)
            }
            b.put(text, x: r.x + 2, y: y, width: r.width - 4, style: i == cursor ? .selected : .plain, glyphs: ctx.glyphs)
            if i == cursor { b.cursor = (r.x + 3, y) }
        }
        b.put(s[.sortHint], x: r.x + 2, y: r.maxY - 2, width: r.width - 4, style: .muted, glyphs: ctx.glyphs)
    }
}
