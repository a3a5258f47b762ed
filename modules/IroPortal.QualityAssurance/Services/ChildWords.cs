using System.Text.Encodings.Web;
using IroPortal.QualityAssurance.Models;
using Microsoft.AspNetCore.Html;

namespace IroPortal.QualityAssurance.Services;

/// <summary>One piece of the children's form's wording, with a key a translation is stored against.</summary>
public sealed record ChildWord(string Key, string English, string Where);

/// <summary>Every word of the children's form, in English, for each version. Translations are stored against these
/// keys: change a key only with its translations.</summary>
public static class ChildWords
{
    private static readonly IReadOnlyDictionary<ChildFormVersion, IReadOnlyDictionary<string, string>> Questions = new Dictionary<ChildFormVersion, IReadOnlyDictionary<string, string>>
    {
        [ChildFormVersion.Pictures] = new Dictionary<string, string>
        {
            ["child-meeting"] = "Your meeting", ["child-listened"] = "Did your IRO listen?", ["child-knew"] = "Did you know what would happen?",
            ["child-said"] = "Did you say what you wanted?", ["child-tell-us"] = "Anything else?",
        },
        [ChildFormVersion.Standard] = FeedbackForms.For(QaActivity.ChildFeedback).ToDictionary(q => q.Key, q => q.Text),
        [ChildFormVersion.YoungPeople] = new Dictionary<string, string>
        {
            ["child-meeting"] = "How well did your review go?", ["child-listened"] = "Did your IRO listen to your views and take them seriously?",
            ["child-knew"] = "Did you know beforehand what your review would cover?", ["child-said"] = "Were you able to say everything you wanted to?",
            ["child-tell-us"] = "Is there anything else you want to tell us about your review, your plan or your IRO?",
        },
    };

    private static readonly IReadOnlyDictionary<ChildFormVersion, IReadOnlyList<string>> Scales = new Dictionary<ChildFormVersion, IReadOnlyList<string>>
    {
        [ChildFormVersion.Pictures] = ["Bad", "Not good", "OK", "Good", "Great"],
        [ChildFormVersion.Standard] = FeedbackForms.ChildScale,
        [ChildFormVersion.YoungPeople] = ["Very poor", "Poor", "OK", "Good", "Very good"],
    };

    private static readonly IReadOnlyList<ChildWord> Page =
    [
        new("title", "Tell us about your review", "The page's heading"),
        new("intro", "Your review is the meeting about your care plan. Your IRO runs it.", "Under the heading"),
        new("intro.pictures", "Tap a face for each question.", "Under the heading, in the version with pictures"),
        new("skip", "You do not have to answer every question. Skip any you like.", "Under the heading"),
        new("no-name", "You do not have to tell us your name.", "Under the heading"),
        new("versions", "Choose how this form looks", "Links to the other versions"),
        new("version.pictures", "With pictures", "Link to the version with pictures"),
        new("version.children", "For children", "Link to the version for children"),
        new("version.young-people", "For young people and care leavers", "Link to the version for young people"),
        new("languages", "Read this in another language", "Links to the translations"),
        new("listen", "Listen", "The button that reads a question aloud"),
        new("iro", "Who is your IRO?", "The question about their IRO"),
        new("iro.hint", "Only if you know. You can skip this.", "Under the question about their IRO"),
        new("iro.unknown", "I don't know", "The answer for a child who does not know their IRO"),
        new("contact", "Do you want someone to contact you?", "The question about being contacted"),
        new("contact.yes", "Yes", "Answer"),
        new("contact.no", "No", "Answer"),
        new("contact.how", "How can we contact you?", "The box for a phone number or email"),
        new("contact.how-hint", "If you said yes: a phone number or email address, or the name of an adult who can pass on a message.", "Under the box for contact details"),
        new("send", "Send", "The button that sends the form"),
        new("safety", "If you are worried about your safety, talk to an adult you trust, or call Childline free on 0800 1111.", "At the end of the form"),
        new("error.title", "There is a problem", "Above mistakes in the form"),
        new("error.rating", "Choose one of the answers for \u201c{0}\u201d", "A mistake in a question's answer"),
        new("error.too-long", "Your answer to \u201c{0}\u201d is too long: make it 4,000 letters or fewer", "A mistake in a long answer"),
        new("error.contact-long", "What you wrote about how to contact you is too long: make it 500 letters or fewer", "A mistake in the contact details"),
        new("error.iro", "Choose your IRO from the list, or choose \u201cI don't know\u201d", "A mistake in the question about their IRO"),
        new("error.too-many", "A lot of messages have been sent from here in a short time. Wait 10 minutes, then press Send again. Your answers are still here.", "When the form has been sent too often"),
        new("thanks.title", "Thank you", "The heading after sending"),
        new("thanks.got", "We have your answers.", "After sending"),
        new("thanks.next", "What happens next", "After sending"),
        new("thanks.read", "A person at the IRO service reads every message.", "After sending"),
        new("thanks.urgent", "If you told us you are not safe, or asked us to contact you, someone will read it today and do something about it. If it is the evening or the weekend, they will read it on the next working day.", "After sending"),
        new("thanks.danger", "If you are in danger now, call 999.", "After sending"),
        new("thanks.childline", "You can talk to Childline at any time, about anything. It is free: call 0800 1111 or go to childline.org.uk.", "After sending"),
        new("thanks.again", "Tell us something else", "A link back to the form"),
    ];

    public static string Question(ChildFormVersion version, string questionKey) => Questions[version][questionKey];

    public static string QuestionKey(ChildFormVersion version, string questionKey) => $"q.{version.Slug()}.{questionKey}";

    public static string ScaleKey(ChildFormVersion version, int rating) => $"scale.{version.Slug()}.{rating}";

    /// <summary>Every piece of wording, as a translator works through it.</summary>
    public static IReadOnlyList<ChildWord> All { get; } =
    [
        .. Page,
        .. Enum.GetValues<ChildFormVersion>().SelectMany(v =>
            FeedbackForms.For(QaActivity.ChildFeedback).Select(q => new ChildWord(QuestionKey(v, q.Key), Questions[v][q.Key], $"A question ({v.Name().ToLowerInvariant()})"))
            .Concat(Enumerable.Range(1, 5).Select(n => new ChildWord(ScaleKey(v, n), Scales[v][n - 1], $"Answer {n} of 5 under a face ({v.Name().ToLowerInvariant()})")))),
    ];

    private static readonly Dictionary<string, string> English = All.ToDictionary(w => w.Key, w => w.English);

    public static bool Exists(string key) => English.ContainsKey(key);

    public static string InEnglish(string key) => English[key];
}

/// <summary>The children's form's words in one language: the translation where there is one, otherwise the English,
/// marked as English so a screen reader reads it in English.</summary>
public sealed class ChildPageWords(string language, string direction, IReadOnlyDictionary<string, string> translated)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static ChildPageWords InEnglish { get; } = new("en", "ltr", new Dictionary<string, string>());

    public string Language => language;
    public string Direction => direction;
    public bool IsEnglish => language == "en";

    /// <summary>Plain text, for an attribute or a title.</summary>
    public string Text(string key) => translated.TryGetValue(key, out var text) ? text : ChildWords.InEnglish(key);

    public bool IsTranslated(string key) => IsEnglish || translated.ContainsKey(key);

    public IHtmlContent this[string key] => Html(key, Text(key));

    /// <summary>A piece of wording with a value put into it ("Choose one of the answers for “{0}”").</summary>
    public string Format(string key, string value) => Text(key).Replace("{0}", value, StringComparison.Ordinal);

    public IHtmlContent Html(string key, string text) => IsTranslated(key)
        ? new HtmlString(Encoder.Encode(text))
        : new HtmlString($"<span lang=\"en\" dir=\"ltr\">{Encoder.Encode(text)}</span>");
}
