namespace DealLens.Core.Documents;

public enum DocumentFormat
{
    Pdf,
    Html,
    Text,
}
