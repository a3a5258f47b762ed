using System.Globalization;
using System.Text;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>A problem with an uploaded translation: where it is and what is wrong.</summary>
public sealed record TranslationProblem(int Row, string Field, string Message);

/// <summary>The languages the children's form may be read in, and their translations: entered in a form or uploaded
/// as a CSV file (key, where, English, translation) downloaded from the portal.</summary>
public sealed class ChildLanguages(PortalDbContext db, TimeProvider clock)
{
    public const int MaxText = 2000;

    public async Task<IReadOnlyList<ChildLanguage>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ChildLanguage>().AsNoTracking().Include(l => l.Translations).OrderBy(l => l.EnglishName).ToListAsync(cancellationToken);

    public async Task<ChildLanguage?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Set<ChildLanguage>().AsNoTracking().Include(l => l.Translations).SingleOrDefaultAsync(l => l.Code == code, cancellationToken);

    /// <summary>The words for a page in the language asked for; English when the council has no such language.</summary>
    public async Task<ChildPageWords> WordsAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(code) || !Languages.IsValidCode(code) || await FindAsync(code, cancellationToken) is not { } language) return ChildPageWords.InEnglish;
        return new ChildPageWords(language.Code, Languages.Direction(language.Code), language.Translations.Where(t => ChildWords.Exists(t.Key)).ToDictionary(t => t.Key, t => t.Text));
    }

    /// <summary>Adds the language or replaces its names and translations; a key with no text is left untranslated.</summary>
    public async Task SaveAsync(string code, string name, string englishName, IReadOnlyDictionary<string, string> texts, string by)
    {
        var language = await db.Set<ChildLanguage>().Include(l => l.Translations).SingleOrDefaultAsync(l => l.Code == code);
        if (language is null) db.Add(language = new ChildLanguage { Code = code });
        language.Name = name.Trim();
        language.EnglishName = englishName.Trim();
        language.UpdatedByName = by;
        language.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var wanted = texts.Where(t => ChildWords.Exists(t.Key) && !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim());
        foreach (var gone in language.Translations.Where(t => !wanted.ContainsKey(t.Key)).ToList())
            language.Translations.Remove(gone);
        foreach (var (key, text) in wanted)
        {
            if (language.Translations.SingleOrDefault(t => t.Key == key) is { } existing) existing.Text = text;
            else language.Translations.Add(new ChildTranslation { LanguageCode = code, Key = key, Text = text });
        }
        await db.SaveChangesAsync();
    }

    public async Task<bool> RemoveAsync(string code)
    {
        var language = await db.Set<ChildLanguage>().SingleOrDefaultAsync(l => l.Code == code);
        if (language is null) return false;
        db.Remove(language);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The CSV a translator fills in: every key, where it appears, the English, and the translation so far.</summary>
    public static byte[] Template(ChildLanguage? language)
    {
        var given = language?.Translations.ToDictionary(t => t.Key, t => t.Text) ?? [];
        var csv = new StringBuilder("key,where,english,translation\r\n");
        foreach (var word in ChildWords.All)
            csv.Append(string.Join(',', new[] { word.Key, word.Where, word.English, given.GetValueOrDefault(word.Key, "") }.Select(Csv.Field))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Reads an uploaded CSV of translations. Every problem is listed with its row; with any problem nothing is used.</summary>
    public static (Dictionary<string, string> Texts, IReadOnlyList<TranslationProblem> Problems) Read(string csv)
    {
        var problems = new List<TranslationProblem>();
        var texts = new Dictionary<string, string>();
        var rows = Csv.Rows(csv.TrimStart('\uFEFF')).ToList();
        if (rows.Count == 0) return (texts, [new(1, "header", "The file is empty. Download the template, fill in the translation column and upload it.")]);
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int keyColumn = header.IndexOf("key"), textColumn = header.IndexOf("translation");
        if (keyColumn < 0 || textColumn < 0)
            return (texts, [new(1, "header", "The first row must name the columns, with \u201ckey\u201d and \u201ctranslation\u201d among them, as in the template.")]);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = i + 1;
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var key = keyColumn < row.Length ? row[keyColumn].Trim() : "";
            var text = textColumn < row.Length ? row[textColumn].Trim() : "";
            text = Csv.Unguard(text);
            if (!ChildWords.Exists(key)) problems.Add(new(number, "key", $"\u201c{Shorten(key)}\u201d is not a key of the children's form. Keep the key column as the template has it."));
            else if (texts.ContainsKey(key)) problems.Add(new(number, "key", $"\u201c{key}\u201d is translated twice; keep one row for it."));
            else if (text.Length > MaxText) problems.Add(new(number, "translation", $"The translation is {text.Length:N0} characters; it must be {MaxText:N0} or fewer."));
            else if (text.Length > 0) texts[key] = text;
        }
        return (texts, problems);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    public static string DisplayName(ChildLanguage language) =>
        string.Equals(language.Name, language.EnglishName, StringComparison.CurrentCultureIgnoreCase) ? language.Name : $"{language.Name} ({language.EnglishName})";

    public static string Completeness(ChildLanguage language)
    {
        var done = language.Translations.Count(t => ChildWords.Exists(t.Key));
        return string.Create(CultureInfo.InvariantCulture, $"{done} of {ChildWords.All.Count}");
    }
}
