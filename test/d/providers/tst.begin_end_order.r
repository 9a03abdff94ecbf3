begin
tick
end

