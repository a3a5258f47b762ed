namespace IroPortal.DataProtection.Services;

/// <summary>The portal's own words until the council writes its own: what a council would usually say, checked
/// against what the portal really does (what it keeps, who reads it, for how long).</summary>
internal static class Defaults
{
    /// <summary>When the default accessibility statement was prepared, against the portal as it was then.</summary>
    public static readonly DateTime PreparedUtc = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    public static string For(StatementKind kind) => kind.Key switch
    {
        "privacy-children" => Children,
        "privacy-feedback" => Adults,
        "accessibility" => AccessibilityStatement,
        _ => "",
    };

    private const string Children = """
        ## What we keep
        We keep the answers you give on this form. We do not ask your name. Please do not write your name, or anyone else's.

        ## Who reads it
        The manager of the IROs reads your answers. Your IRO reads them too. They use them to make reviews better for you and other children.

        ## How long we keep it
        We keep your words for {feedback-kept}. Then we delete them.

        ## If you want us to remove it
        You can ask us to delete your answers at any time. Tell your IRO, or email {email}. Say roughly when you filled in the form.

        ## Who can help
        Your IRO, your social worker, your carer or an advocate can help you with this form, or with asking us to remove it.
        """;

    private const string Adults = """
        ## Who we are
        {council} is responsible for the information you give on this form (the data controller). It is used by the {service}.

        ## What we collect and why
        Your answers about the review, and the type of respondent you are (parent, carer, social worker, agency, guardian or court). We do not ask for your name; please do not name the child or anyone else. If the link was emailed to you, we keep the email address it was sent to for {links-kept}, to send one reminder.
        We use your answers to check and improve the quality of children's reviews, as the IRO Handbook and the Care Planning, Placement and Case Review (England) Regulations 2010 expect. The lawful basis is public task (UK GDPR Article 6(1)(e)): the council's duties to children in its care under the Children Act 1989.

        ## Who sees it
        The IRO service manager, and the Independent Reviewing Officer who chaired the review. Summaries with no details that could identify anyone appear in the IRO service's annual report. We do not share your answers with anyone else unless the law requires it, for example to keep a child safe.

        ## How long we keep it
        We keep your written answers for {feedback-kept}. After that the words are deleted; the ratings stay in the service's figures, with nothing that could identify anyone.

        ## Your rights
        You may ask to see what we hold about you, to correct it, or to delete it, and you may object to our using it. Email {email} or call {phone}. If you are unhappy with how we have used your information, you may complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).
        """;

    private const string AccessibilityStatement = """
        This accessibility statement applies to the {service}'s portal: the published annual reports, the summary for children, the feedback forms and the pages for staff and board members. The portal is run by {council}. We want as many people as possible to be able to use it. For example, that means you should be able to:
        - change colours, contrast levels and fonts using your browser or device settings
        - zoom in up to 400% without the text spilling off the screen
        - navigate the whole portal using just a keyboard
        - navigate most of the portal using speech recognition software
        - listen to the portal using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)
        - use every page on a phone, down to 320 pixels wide

        ## How accessible this website is
        We know some parts of this website are not fully accessible:
        - the PDF copy of each published report may not work well with every screen reader; the same report is on the web page, which does
        - spreadsheets downloaded by staff and the board are tables of figures without descriptions of charts

        ## Feedback and contact information
        If you need information on this website in a different format, like accessible PDF, large print, easy read, audio recording or braille, email {email} or call {phone}. We will consider your request and get back to you within 10 working days.

        ## Reporting accessibility problems with this website
        We are always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we are not meeting accessibility requirements, email {email}.

        ## Enforcement procedure
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).

        ## Technical information about this website's accessibility
        {council} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

        ## Compliance status
        This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.

        ## Non-accessible content
        The content listed below is non-accessible for the following reasons.
        - PDF copies of published reports are printed from the web page and may lack some of the structure a screen reader uses (WCAG 2.2 success criterion 1.3.1, info and relationships). The web page holds the same report and is the version to use with assistive technology.
        - Spreadsheet downloads hold figures only; the charts they come from, and their descriptions, are on the web pages.

        ## What we're doing to improve accessibility
        Every page of the portal is checked automatically with axe in Chromium each time the portal changes, on a desktop screen and at 320 pixels wide. We will review this statement when the portal changes in a way that affects it, and at least once a year.

        ## Preparation of this accessibility statement
        This statement was prepared on {prepared}. It was last reviewed on {reviewed}.
        The portal was last tested on {prepared} by the portal's developers: every page, public and staff, was checked with the axe accessibility engine (WCAG 2.2 A and AA rules) in the Chromium browser, at desktop width and at 320 pixels, with keyboard-only use of the forms.
        """;
}
