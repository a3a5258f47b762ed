[assembly: IroPortal.Modularity.Theme(Id = "SampleTheme", Name = "Sample theme")]
