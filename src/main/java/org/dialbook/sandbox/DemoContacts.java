package org.dialbook.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.dialbook.contact.ContactField;

/**
 * Realistic contacts for a first run: Indian and Singaporean names, valid mobile and landline
 * numbers (+91, +65, and Indian landlines with their STD prefix), companies, tags and custom
 * fields. The same seed gives the same people.
 */
final class DemoContacts {
    private static final String[] INDIAN_FIRST = {"Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Ishaan", "Kavya",
        "Priya", "Rohan", "Saanvi", "Arjun", "Meera", "Nikhil", "Pooja", "Rahul", "Sneha", "Vikram", "Lakshmi",
        "Karthik", "Divya", "Suresh", "Anjali", "Farhan", "Zoya", "Gurpreet", "Harpreet", "Deepika", "Manoj",
        "Sunita", "Rajesh", "Aisha", "Tanvi", "Siddharth", "Neha", "Abhishek", "Shreya"};
    private static final String[] INDIAN_LAST = {"Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Khan",
        "Mukherjee", "Banerjee", "Desai", "Joshi", "Menon", "Pillai", "Rao", "Kulkarni", "Chatterjee", "Agarwal",
        "Bhat", "Fernandes", "D'Souza", "Chauhan", "Malhotra", "Kapoor", "Das", "Verma", "Shetty", "Naidu"};
    private static final String[] SG_CHINESE_FIRST = {"Wei Ling", "Jun Jie", "Hui Min", "Zhi Hao", "Xin Yi", "Kai Wen",
        "Mei Ling", "Jia Hui", "Wei Jie", "Shu Fen", "Yong Sheng", "Li Ting"};
    private static final String[] SG_CHINESE_LAST = {"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan",
        "Koh", "Teo", "Yeo", "Ang", "Sim"};
    private static final String[] SG_MALAY_FIRST = {"Nurul", "Muhammad", "Siti", "Ahmad", "Farah", "Hafiz", "Aisyah",
        "Irfan", "Nur Ain", "Zulkifli"};
    private static final String[] SG_MALAY_LAST = {"bin Abdullah", "binte Rahman", "bin Ismail", "binte Hassan",
        "bin Osman", "binte Yusof"};
    private static final String[] SG_INDIAN_FIRST = {"Ravi", "Kumar", "Devi", "Suresh", "Priya", "Ganesh", "Vani"};
    private static final String[] SG_INDIAN_LAST = {"Subramaniam", "Krishnan", "Rajendran", "Pillay", "Nathan",
        "Selvam"};
    private static final String[] INDIAN_COMPANIES = {"Tata Consultancy Services", "Infosys", "Zoho", "Freshworks",
        "Razorpay", "Swiggy", "Mahindra Logistics", "Sharma Traders", "Reliance Retail", null};
    private static final String[] SG_COMPANIES = {"DBS Bank", "Grab", "Shopee", "Singtel", "Keppel", "Lim & Tan Pte Ltd",
        "Changi Logistics", null};
    private static final String[] TAGS = {"Member", "Lead", "VIP", "Technician", "Customer", "Prospect"};
    private static final String[][] INDIAN_CITIES = {{"Mumbai", "Marathi"}, {"Pune", "Marathi"},
        {"Bengaluru", "Kannada"}, {"Chennai", "Tamil"}, {"Hyderabad", "Telugu"}, {"Kolkata", "Bengali"},
        {"Delhi", "Hindi"}, {"Kochi", "Malayalam"}, {"Ahmedabad", "Gujarati"}};
    private static final String[] INDIAN_STD = {"22", "80", "11", "44", "33", "40", "20"};
    private static final String[] SG_AREAS = {"Tampines", "Jurong East", "Woodlands", "Bedok", "Toa Payoh", "Orchard"};

    private DemoContacts() {
    }

    static List<Map<ContactField, String>> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Map<ContactField, String>> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            contacts.add(random.nextInt(100) < 62 ? indian(random) : singaporean(random));
        }
        return contacts;
    }

    private static Map<ContactField, String> indian(Random random) {
        Map<ContactField, String> contact = ContactStore.draft();
        String first = pick(random, INDIAN_FIRST);
        String last = pick(random, INDIAN_LAST);
        String number = random.nextInt(100) < 85 ? validNumber(random, "+91", "6789", 9) : indianLandline(random);
        String[] city = INDIAN_CITIES[random.nextInt(INDIAN_CITIES.length)];
        fill(contact, random, number, first, last, pick(random, INDIAN_COMPANIES), "example.in",
                "{\"city\":\"" + city[0] + "\",\"language\":\"" + city[1] + "\",\"customer_since\":"
                        + (2012 + random.nextInt(14)) + ",\"opted_in\":" + random.nextBoolean() + "}");
        return contact;
    }

    private static Map<ContactField, String> singaporean(Random random) {
        Map<ContactField, String> contact = ContactStore.draft();
        int community = random.nextInt(10);
        String first;
        String last;
        if (community < 6) {
            first = pick(random, SG_CHINESE_FIRST);
            last = pick(random, SG_CHINESE_LAST);
        } else if (community < 8) {
            first = pick(random, SG_MALAY_FIRST);
            last = pick(random, SG_MALAY_LAST);
        } else {
            first = pick(random, SG_INDIAN_FIRST);
            last = pick(random, SG_INDIAN_LAST);
        }
        String number = random.nextInt(100) < 85 ? validNumber(random, "+65", "89", 7) : validNumber(random, "+65", "6",
                7);
        fill(contact, random, number, first, last, pick(random, SG_COMPANIES), "example.sg",
                "{\"area\":\"" + pick(random, SG_AREAS) + "\",\"language\":\"English\",\"loyalty_points\":"
                        + random.nextInt(5000) + "}");
        return contact;
    }

    private static void fill(Map<ContactField, String> contact, Random random, String number, String first, String last,
            String company, String domain, String custom) {
        contact.put(ContactField.NUMBER, number);
        contact.put(ContactField.FIRST_NAME, first);
        contact.put(ContactField.LAST_NAME, last);
        if (company != null) {
            contact.put(ContactField.COMPANY_NAME, company);
        }
        if (random.nextInt(100) < 80) {
            String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
            contact.put(ContactField.EMAIL, local + random.nextInt(100) + "@" + domain);
        }
        contact.put(ContactField.TAG, pick(random, TAGS));
        if (random.nextInt(100) < 70) {
            contact.put(ContactField.CUSTOM_FIELD, custom);
        }
    }

    private static String indianLandline(Random random) {
        while (true) {
            String std = pick(random, INDIAN_STD);
            StringBuilder number = new StringBuilder("0").append(std).append(2 + random.nextInt(6));
            while (number.length() < 11) {
                number.append(random.nextInt(10));
            }
            if (PhoneNumbers.isValid(number.toString())) {
                return number.toString();
            }
        }
    }

    /** {@code prefix}, one of {@code leads}, then {@code digits} more; redrawn until libphonenumber agrees. */
    private static String validNumber(Random random, String prefix, String leads, int digits) {
        while (true) {
            StringBuilder number = new StringBuilder(prefix).append(leads.charAt(random.nextInt(leads.length())));
            for (int i = 0; i < digits; i++) {
                number.append(random.nextInt(10));
            }
            if (PhoneNumbers.isValid(number.toString())) {
                return number.toString();
            }
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
