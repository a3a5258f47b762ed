using IroPortal.Modularity;
using IroPortal.QualityAssurance.Services;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record ChildThanksPage(ChildPageWords Words, string? Again);
