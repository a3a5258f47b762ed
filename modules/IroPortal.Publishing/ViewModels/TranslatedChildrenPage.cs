using System.Xml.Linq;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace IroPortal.Publishing.ViewModels;

public sealed record TranslatedChildrenPage(int Year, string Language, string Name, string EnglishName, DateTime PublishedUtc, TranslatedPage Page, IReadOnlyList<PublicAddition> Live);
