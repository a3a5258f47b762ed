[assembly: IroPortal.Modularity.Theme(Id = "Staff", Name = "Staff")]
