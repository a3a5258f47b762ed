namespace IroPortal.Modularity;

/// <summary>Public addresses more than one module links to; short, because councils print them.</summary>
public static class PublicAddresses
{
    /// <summary>The children's feedback form, open to any child at any time: no account, no link of their own.</summary>
    public const string ChildrensForm = "/tell-us";
}
