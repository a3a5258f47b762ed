using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Publishing.ViewModels;

public sealed class ChildrenSummaryForm
{
    public string? WhatIsAnIro { get; set; }
    public string? WhatWeDid { get; set; }
    public string? WhatYouToldUs { get; set; }
    public string? WhatWeWillDo { get; set; }
    public string? HowToTellUs { get; set; }
    public string? FeedbackLink { get; set; }

    public static ChildrenSummaryForm From(ChildrenSummary s) => new()
    {
        WhatIsAnIro = s.WhatIsAnIro, WhatWeDid = s.WhatWeDid, WhatYouToldUs = s.WhatYouToldUs, WhatWeWillDo = s.WhatWeWillDo, HowToTellUs = s.HowToTellUs, FeedbackLink = s.FeedbackLink,
    };

    public void CopyTo(ChildrenSummary s)
    {
        (s.WhatIsAnIro, s.WhatWeDid, s.WhatYouToldUs, s.WhatWeWillDo, s.HowToTellUs) =
            (Clean(WhatIsAnIro), Clean(WhatWeDid), Clean(WhatYouToldUs), Clean(WhatWeWillDo), Clean(HowToTellUs));
        s.FeedbackLink = (FeedbackLink ?? "").Trim();
    }

    /// <summary>Each idea's words as typed, by field name: what the editor shows and what is validated.</summary>
    public IReadOnlyDictionary<string, string?> Parts => new Dictionary<string, string?>
    {
        [nameof(WhatIsAnIro)] = WhatIsAnIro, [nameof(WhatWeDid)] = WhatWeDid, [nameof(WhatYouToldUs)] = WhatYouToldUs,
        [nameof(WhatWeWillDo)] = WhatWeWillDo, [nameof(HowToTellUs)] = HowToTellUs,
    };

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    public void Validate(ModelStateDictionary state)
    {
        foreach (var (field, text) in Parts)
            if (text?.Length > ChildrenSummaryService.MaxText)
                state.AddModelError(field, $"Keep this part to {ChildrenSummaryService.MaxText} characters or fewer: children read it on a phone");
        var link = (FeedbackLink ?? "").Trim();
        if (link.Length == 0)
            state.AddModelError(nameof(FeedbackLink), "Enter the link to the children's feedback form, or an email address as mailto:");
        else if (link.Length > 500 || !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" || link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)))
            state.AddModelError(nameof(FeedbackLink), "Enter a web address starting https://, a page of this portal starting /, or mailto: and an email address");
    }
}
