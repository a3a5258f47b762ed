using IroPortal.Modularity.PersonalData;

namespace IroPortal.DataProtection.ViewModels;

public sealed record ErasePage(string Term, string Module, PersonalRecord Record, string Reason);
