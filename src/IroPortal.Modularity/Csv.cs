using System.Buffers;
using System.Text;

namespace IroPortal.Modularity;

/// <summary>CSV as spreadsheets write it (RFC 4180), read and written the same way everywhere in the portal.</summary>
public static class Csv
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    /// <summary>Rows of fields: fields in double quotes may hold commas, quotes (doubled) and line breaks.</summary>
    public static IEnumerable<string[]> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        string? whole = null; // a field with nothing special in it, taken from the text as it stands
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
                case ',': fields.Add(Take()); break;
                case '\r': break;
                case '\n':
                    fields.Add(Take());
                    yield return [.. fields];
                    fields.Clear();
                    break;
                default:
                    // This character and the run of ordinary ones after it, in one copy (a return has millions).
                    var run = text.AsSpan(i + 1).IndexOfAny(Special);
                    var end = run < 0 ? text.Length : i + 1 + run;
                    // (A whole field is always followed by what ends it, so it never reaches here.)
                    if (field.Length == 0 && (end == text.Length || text[end] is ',' or '\n' || (text[end] == '\r' && (end + 1 == text.Length || text[end + 1] == '\n'))))
                        whole = text[i..end];
                    else
                        field.Append(text.AsSpan(i, end - i));
                    i = end - 1;
                    break;
            }
        }
        if (field.Length > 0 || whole is not null || fields.Count > 0)
        {
            fields.Add(Take());
            yield return [.. fields];
        }

        string Take()
        {
            var value = whole ?? field.ToString();
            whole = null;
            field.Clear();
            return value;
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
