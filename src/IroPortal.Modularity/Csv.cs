using System.Text;

namespace IroPortal.Modularity;

/// <summary>CSV as spreadsheets write it (RFC 4180), read and written the same way everywhere in the portal.</summary>
public static class Csv
{
    /// <summary>Rows of fields: fields in double quotes may hold commas, quotes (doubled) and line breaks.</summary>
    public static IEnumerable<List<string>> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>One field, quoted when it must be. A value a spreadsheet would run as a formula starts with an
    /// apostrophe instead, which spreadsheets hide; <see cref="Unguard"/> takes it off again.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>A field read back from a file this portal wrote with <see cref="Field"/>.</summary>
    public static string Unguard(string value) => value.Length > 1 && value[0] == '\'' && "=+-@\t\r".Contains(value[1]) ? value[1..] : value;
}
