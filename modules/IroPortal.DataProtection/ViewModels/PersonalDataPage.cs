using IroPortal.DataProtection.Services;

namespace IroPortal.DataProtection.ViewModels;

public sealed record PersonalDataPage(string Term, SearchResult? Result, string? Erased);
