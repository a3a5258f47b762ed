using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IroPortal.Modularity.Forms;

/// <summary>A date typed as day, month and year in three boxes, the GOV.UK way. Validated with
/// <see cref="DateParts.Validate"/>, which says what is wrong in words people use.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null with an error added to the model state under <paramref name="field"/>.</summary>
    /// <param name="what">How the message names the date, such as "the date of the observation".</param>
    public DateOnly? Validate(ModelStateDictionary modelState, string field, string what, bool required = true, DateOnly? notAfter = null, DateOnly? notBefore = null)
    {
        if (IsEmpty)
        {
            if (required) modelState.AddModelError(field, $"Enter {what}");
            return null;
        }
        var missing = new[] { ("a day", Day), ("a month", Month), ("a year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            modelState.AddModelError(field, $"{Capitalise(what)} must include {string.Join(" and ", missing)}");
            return null;
        }
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            Year!.Trim().Length != 4 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            modelState.AddModelError(field, $"{Capitalise(what)} must be a real date, like 27 3 2026");
            return null;
        }
        var date = new DateOnly(year, month, day);
        if (notAfter is { } latest && date > latest)
        {
            modelState.AddModelError(field, $"{Capitalise(what)} must be today or in the past");
            return null;
        }
        if (notBefore is { } earliest && date < earliest)
        {
            modelState.AddModelError(field, $"{Capitalise(what)} must be on or after {UkTime.Format(earliest)}");
            return null;
        }
        return date;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary><c>&lt;govuk-date for="ObservedOn" legend="Date of the observation" hint="For example, 27 3 2026" /&gt;</c>
/// for a <see cref="DateParts"/> property.</summary>
[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public ModelExpression For { get; set; } = null!;
    public string Legend { get; set; } = "";
    public string? Hint { get; set; } = "For example, 27 3 2026";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Govuk.Id(For);
        var error = Govuk.Error(ViewContext, For);
        var parts = For.Model as DateParts ?? new DateParts();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        fieldset.Attributes["role"] = "group";
        if (Govuk.DescribedBy(id, Hint, error) is { } describedBy) fieldset.Attributes["aria-describedby"] = describedBy;
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend govuk-fieldset__legend--s");
        legend.InnerHtml.Append(Legend);
        fieldset.InnerHtml.AppendHtml(legend);
        if (Hint is not null) fieldset.InnerHtml.AppendHtml(Govuk.Hint(id, Hint));
        if (error is not null) fieldset.InnerHtml.AppendHtml(Govuk.ErrorMessage(id, error));

        var row = new TagBuilder("div");
        row.AddCssClass("govuk-date-input");
        row.Attributes["id"] = id;
        foreach (var (part, label, width, value) in new[] { ("Day", "Day", 2, parts.Day), ("Month", "Month", 2, parts.Month), ("Year", "Year", 4, parts.Year) })
        {
            var item = new TagBuilder("div");
            item.AddCssClass("govuk-date-input__item");
            var group = new TagBuilder("div");
            group.AddCssClass("govuk-form-group");
            var inputId = $"{id}-{part.ToLowerInvariant()}";
            var labelTag = new TagBuilder("label");
            labelTag.AddCssClass("govuk-label govuk-date-input__label");
            labelTag.Attributes["for"] = inputId;
            labelTag.InnerHtml.Append(label);
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass($"govuk-input govuk-date-input__input govuk-input--width-{width}" + (error is null ? "" : " govuk-input--error"));
            // The first box carries the field's id, so the error summary's link lands in it.
            input.Attributes["id"] = part == "Day" ? id + "-day" : inputId;
            input.Attributes["name"] = $"{For.Name}.{part}";
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            input.Attributes["value"] = value ?? "";
            group.InnerHtml.AppendHtml(labelTag).AppendHtml(input);
            item.InnerHtml.AppendHtml(group);
            row.InnerHtml.AppendHtml(item);
        }
        fieldset.InnerHtml.AppendHtml(row);
        output.Content.AppendHtml(fieldset);
    }
}
