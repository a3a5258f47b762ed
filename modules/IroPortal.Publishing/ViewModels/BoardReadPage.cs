using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public sealed record BoardReadPage(Release Release, IReadOnlyList<ReleaseSection> Sections, ILookup<string, BoardQuestion> Questions, BoardResolution? Recorded,
    bool CanAsk, bool CanAnswer, bool CanResolve, QuestionForm Question, ResolutionForm Resolution);
