global using DanVan365.TestUtilities.LocalM365;
global using Microsoft.Graph;
global using Microsoft.Graph.Models;
global using Microsoft.Graph.Models.ODataErrors;
