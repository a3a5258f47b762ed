[assembly: IroPortal.Modularity.Theme(Id = "Public", Name = "Public")]
