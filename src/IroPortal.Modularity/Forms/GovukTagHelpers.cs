using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IroPortal.Modularity.Forms;

// GOV.UK form patterns as tag helpers, so every module's form shows errors the same way: a summary at the
// top linking to each field, and the message beside the field. Everything written here is encoded.

internal static class Govuk
{
    public static string Id(ModelExpression field) => TagBuilder.CreateSanitizedId(field.Name, "-");

    public static string? Error(ViewContext view, ModelExpression field) =>
        view.ViewData.ModelState.TryGetValue(field.Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    public static string Value(ViewContext view, ModelExpression field) =>
        view.ViewData.ModelState.TryGetValue(field.Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(field.Model, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Label(ModelExpression field, string? label) => label ?? field.Metadata.DisplayName ?? field.Name;

    public static IHtmlContent ErrorMessage(string id, string message)
    {
        var p = new TagBuilder("p");
        p.AddCssClass("govuk-error-message");
        p.Attributes["id"] = id + "-error";
        p.InnerHtml.AppendHtml("<span class=\"govuk-visually-hidden\">Error:</span> ").Append(message);
        return p;
    }

    public static IHtmlContent Hint(string id, string hint)
    {
        var div = new TagBuilder("div");
        div.AddCssClass("govuk-hint");
        div.Attributes["id"] = id + "-hint";
        div.InnerHtml.Append(hint);
        return div;
    }

    public static string? DescribedBy(string id, string? hint, string? error) =>
        string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>()) is { Length: > 0 } s ? s : null;
}

/// <summary>GOV.UK's pattern: a page that shows an error summary starts its title with "Error: ", the first thing a
/// screen reader says. Whatever shows the summary marks the page; the layouts write the title.</summary>
public static class ErrorTitle
{
    private const string Key = "IroPortal.ShowsErrorSummary";

    public static void Shown(ViewContext view) => view.ViewData[Key] = true;

    /// <summary>"Error: " when the page shows an error summary, otherwise nothing.</summary>
    public static string Prefix(ViewDataDictionary viewData) => viewData[Key] is true ? "Error: " : "";
}

/// <summary>An error summary written out by hand (<c>&lt;div class="govuk-error-summary"&gt;</c>, for problems that are not
/// a form's fields): marks the page as <see cref="ErrorTitle"/> does for the tag helper.</summary>
[HtmlTargetElement("div", Attributes = "[class=govuk-error-summary]")]
public sealed class HandWrittenErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) => ErrorTitle.Shown(ViewContext);
}

/// <summary><c>&lt;govuk-error-summary /&gt;</c>: lists every model error, each linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(err => (Field: e.Key, err.ErrorMessage)))
            .ToList();
        if (errors.Count == 0) { output.SuppressOutput(); return; }

        ErrorTitle.Shown(ViewContext);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (field, message) in errors)
        {
            var item = new TagBuilder("li");
            if (field.Length > 0)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + Target(field);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            else item.InnerHtml.Append(message);
            list.InnerHtml.AppendHtml(item);
        }
        output.Content.AppendHtml("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">");
        output.Content.AppendHtml(list);
        output.Content.AppendHtml("</div></div>");
    }

    /// <summary>The element a field's error links to: a date's first box, otherwise the field itself.</summary>
    private string Target(string field)
    {
        var id = TagBuilder.CreateSanitizedId(field, "-");
        // "Form.Due" is the page model's Form property's Due: follow the path to see whether it is a date.
        Type? type = ViewContext.ViewData.ModelMetadata.ModelType;
        foreach (var name in field.Split('.'))
            type = type?.GetProperty(name)?.PropertyType;
        return type == typeof(DateParts) ? id + "-day" : id;
    }
}

/// <summary><c>&lt;govuk-input for="Email" label="Email address" type="email" autocomplete="email" /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public ModelExpression For { get; set; } = null!;
    public string? Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? InputMode { get; set; }
    public string? WidthClass { get; set; }
    public bool LabelIsPageHeading { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Govuk.Id(For);
        var error = Govuk.Error(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var label = new TagBuilder("label");
        label.AddCssClass(LabelIsPageHeading ? "govuk-label govuk-label--l" : "govuk-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Govuk.Label(For, Label));
        if (LabelIsPageHeading)
        {
            var h1 = new TagBuilder("h1");
            h1.AddCssClass("govuk-label-wrapper");
            h1.InnerHtml.AppendHtml(label);
            output.Content.AppendHtml(h1);
        }
        else output.Content.AppendHtml(label);
        if (Hint is not null) output.Content.AppendHtml(Govuk.Hint(id, Hint));
        if (error is not null) output.Content.AppendHtml(Govuk.ErrorMessage(id, error));

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass(string.Join(' ', new[] { "govuk-input", WidthClass, error is null ? null : "govuk-input--error" }.OfType<string>()));
        input.Attributes["id"] = id;
        input.Attributes["name"] = For.Name;
        input.Attributes["type"] = Type;
        if (Type != "password") input.Attributes["value"] = Govuk.Value(ViewContext, For);
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (InputMode is not null) input.Attributes["inputmode"] = InputMode;
        if (!Spellcheck) input.Attributes["spellcheck"] = "false";
        if (Govuk.DescribedBy(id, Hint, error) is { } describedBy) input.Attributes["aria-describedby"] = describedBy;
        output.Content.AppendHtml(input);
    }
}

/// <summary>A drop-down list, for choices too many for radios:
/// <c>&lt;govuk-select for="OwnerId" label="Owner" items="Model.Owners" /&gt;</c>. The first item may be a prompt with an empty value.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public ModelExpression For { get; set; } = null!;
    public string? Label { get; set; }
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Govuk.Id(For);
        var error = Govuk.Error(ViewContext, For);
        var value = Govuk.Value(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Govuk.Label(For, Label));
        output.Content.AppendHtml(label);
        if (Hint is not null) output.Content.AppendHtml(Govuk.Hint(id, Hint));
        if (error is not null) output.Content.AppendHtml(Govuk.ErrorMessage(id, error));
        var select = new TagBuilder("select");
        select.AddCssClass(error is null ? "govuk-select" : "govuk-select govuk-select--error");
        select.Attributes["id"] = id;
        select.Attributes["name"] = For.Name;
        if (Govuk.DescribedBy(id, Hint, error) is { } describedBy) select.Attributes["aria-describedby"] = describedBy;
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (string.Equals(item.Value, value, StringComparison.OrdinalIgnoreCase)) option.Attributes["selected"] = "selected";
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        output.Content.AppendHtml(select);
    }
}

/// <summary><c>&lt;govuk-textarea for="Notes" label="Notes" rows="5" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public ModelExpression For { get; set; } = null!;
    public string? Label { get; set; }
    public string? Hint { get; set; }
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Govuk.Id(For);
        var error = Govuk.Error(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label govuk-label--s");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Govuk.Label(For, Label));
        output.Content.AppendHtml(label);
        if (Hint is not null) output.Content.AppendHtml(Govuk.Hint(id, Hint));
        if (error is not null) output.Content.AppendHtml(Govuk.ErrorMessage(id, error));
        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass(error is null ? "govuk-textarea" : "govuk-textarea govuk-textarea--error");
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = For.Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Govuk.DescribedBy(id, Hint, error) is { } describedBy) textarea.Attributes["aria-describedby"] = describedBy;
        textarea.InnerHtml.Append(Govuk.Value(ViewContext, For));
        output.Content.AppendHtml(textarea);
    }
}

/// <summary>Checkboxes or radios for a property, in a fieldset with a legend:
/// <c>&lt;govuk-choices for="Roles" legend="Roles" items="Model.RoleChoices" multiple="true" /&gt;</c></summary>
[HtmlTargetElement("govuk-choices", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChoicesTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public ModelExpression For { get; set; } = null!;
    public string Legend { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Multiple { get; set; }
    public bool Inline { get; set; }
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Govuk.Id(For);
        var error = Govuk.Error(ViewContext, For);
        var kind = Multiple ? "checkboxes" : "radios";
        var selected = Selected();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (Govuk.DescribedBy(id, Hint, error) is { } describedBy) fieldset.Attributes["aria-describedby"] = describedBy;
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend govuk-fieldset__legend--s");
        legend.InnerHtml.Append(Legend);
        fieldset.InnerHtml.AppendHtml(legend);
        if (Hint is not null) fieldset.InnerHtml.AppendHtml(Govuk.Hint(id, Hint));
        if (error is not null) fieldset.InnerHtml.AppendHtml(Govuk.ErrorMessage(id, error));

        var group = new TagBuilder("div");
        group.AddCssClass($"govuk-{kind}" + (Small ? $" govuk-{kind}--small" : "") + (Inline && !Multiple ? " govuk-radios--inline" : ""));
        group.Attributes["data-module"] = $"govuk-{kind}";
        var index = 0;
        foreach (var item in Items)
        {
            // The first input carries the field's id, so the error summary's link lands on it.
            var inputId = index++ == 0 ? id : $"{id}-{index}";
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass($"govuk-{kind}__item");
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass($"govuk-{kind}__input");
            input.Attributes["id"] = inputId;
            input.Attributes["name"] = For.Name;
            input.Attributes["type"] = Multiple ? "checkbox" : "radio";
            input.Attributes["value"] = item.Value;
            if (selected.Contains(item.Value)) input.Attributes["checked"] = "checked";
            if (item.Disabled) input.Attributes["disabled"] = "disabled";
            var label = new TagBuilder("label");
            label.AddCssClass($"govuk-label govuk-{kind}__label");
            label.Attributes["for"] = inputId;
            label.InnerHtml.Append(item.Text);
            wrapper.InnerHtml.AppendHtml(input).AppendHtml(label);
            group.InnerHtml.AppendHtml(wrapper);
        }
        fieldset.InnerHtml.AppendHtml(group);
        output.Content.AppendHtml(fieldset);
    }

    private HashSet<string> Selected()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null)
            return entry.RawValue is string[] many ? [.. many] : [Convert.ToString(entry.RawValue, System.Globalization.CultureInfo.InvariantCulture) ?? ""];
        return For.Model switch
        {
            null => [],
            string one => [one],
            System.Collections.IEnumerable many => many.Cast<object>().Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToHashSet(),
            var one => [Convert.ToString(one, System.Globalization.CultureInfo.InvariantCulture) ?? ""],
        };
    }
}
