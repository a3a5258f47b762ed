using IroPortal.Modularity;

[assembly: Module(
    Id = "QualityAssurance",
    Name = "Quality assurance",
    Description = "Observations, case-file audits, feedback from children, parents, carers, professionals, agencies, guardians and courts, and the compliance board.",
    Dependencies = ["Users", "DataProtection", "AnnualReport"])]
