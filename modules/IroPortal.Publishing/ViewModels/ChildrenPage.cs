using System.Xml.Linq;
using IroPortal.Modularity;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace IroPortal.Publishing.ViewModels;

public sealed record ChildrenPage(int Year, Release Release, IReadOnlyList<ReleaseSection> Sections, IReadOnlyList<(string Language, string Name, string EnglishName)> Languages);
