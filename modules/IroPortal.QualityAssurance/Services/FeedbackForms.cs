using System.Security.Cryptography;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.Services;

public sealed record FeedbackQuestion(string Key, string Text, bool IsRating);

/// <summary>The questions each kind of respondent is asked. Keys are stored with the answers: never reuse one
/// for a different question.</summary>
public static class FeedbackForms
{
    public static readonly IReadOnlyList<string> ChildScale = ["Really bad", "Bad", "OK", "Good", "Really good"];
    public static readonly IReadOnlyList<string> AdultScale = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    public static IReadOnlyList<string> Scale(QaActivity type) => type == QaActivity.ChildFeedback ? ChildScale : AdultScale;

    public static IReadOnlyList<FeedbackQuestion> For(QaActivity type) => type switch
    {
        QaActivity.ChildFeedback =>
        [
            new("child-meeting", "How was your review meeting?", true),
            new("child-listened", "Did your IRO listen to you?", true),
            new("child-knew", "Did you know what would happen at your review?", true),
            new("child-said", "Did you get to say what you wanted to?", true),
            new("child-tell-us", "Is there anything else you want to tell us?", false),
        ],
        QaActivity.ParentCarerFeedback =>
        [
            new("pc-explained", "The IRO explained what the review was for", true),
            new("pc-listened", "The IRO listened to what I had to say", true),
            new("pc-child-heard", "The IRO made sure the child's wishes and feelings were heard", true),
            new("pc-record", "I got the record of the review in good time", true),
            new("pc-went-well", "What went well?", false),
            new("pc-better", "What could have been better?", false),
        ],
        QaActivity.ProfessionalFeedback =>
        [
            new("sw-consulted", "The IRO consulted me before the review", true),
            new("sw-chaired", "The review was well chaired", true),
            new("sw-challenge", "The IRO challenged drift or delay where it was needed", true),
            new("sw-decisions", "The review's decisions were clear, with names and timescales", true),
            new("sw-went-well", "What went well?", false),
            new("sw-better", "What could have been better?", false),
        ],
        QaActivity.PartnerAgencyFeedback =>
        [
            new("pa-invited", "Our agency was asked for its view before the review", true),
            new("pa-contribution", "Our contribution was taken into account", true),
            new("pa-decisions", "The review's decisions for our agency were clear", true),
            new("pa-went-well", "What went well?", false),
            new("pa-better", "What could have been better?", false),
        ],
        QaActivity.GuardianCourtFeedback =>
        [
            new("gc-care-plan", "The IRO's view of the care plan was clear", true),
            new("gc-communication", "The IRO kept in touch with the guardian during proceedings", true),
            new("gc-challenge", "The IRO's challenge of the council was effective", true),
            new("gc-went-well", "What went well?", false),
            new("gc-better", "What could have been better?", false),
        ],
        _ => [],
    };

    public static string QuestionText(QaActivity type, string key) => For(type).FirstOrDefault(q => q.Key == key)?.Text ?? key;
}

/// <summary>Single-use feedback links: the secret is 256 random bits in the link; the database keeps only its hash.</summary>
public static class FeedbackLinks
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(28);

    public static (string Token, string Hash) Create()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
