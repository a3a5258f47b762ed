using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IroPortal.Modularity.Forms;

/// <summary>The one-line notices a page shows after a redirect (the staff theme's _Banners): what was saved, or a
/// problem that stopped it. Read once: the next page shows it, the one after does not.</summary>
public static class Notices
{
    private const string SavedKey = "IroPortal.Saved", ProblemKey = "IroPortal.Problem";

    extension(ITempDataDictionary tempData)
    {
        /// <summary>"Saved: the board meeting on 14 March 2027." Shown as a success banner.</summary>
        public string? Saved
        {
            get => tempData[SavedKey] as string;
            set => tempData[SavedKey] = value;
        }

        /// <summary>Why nothing was saved, when the page it came from cannot say so beside a field.</summary>
        public string? Problem
        {
            get => tempData[ProblemKey] as string;
            set => tempData[ProblemKey] = value;
        }
    }
}
